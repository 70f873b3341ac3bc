using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Reads the .eml files the site wrote to its pickup folder.</summary>
public static partial class MailPickup
{
    /// <summary>
    /// Sends what waits in the outbox for the address (as the background sender would), then reads the
    /// messages to it. The site's own sender may hold a message at that moment: wait until it is out.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> ToAsync(PracticeAppFactory factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var scope = factory.Scope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ProcessDueAsync();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Case-insensitive, as the pickup folder is read below: a client may type their address in any case,
            // and a message the background sender holds is still pending until it is written.
            if (!await db.OutboxMessages.AnyAsync(m => EF.Functions.Collate(m.ToAddress, "NOCASE") == address && m.Status == OutboxStatus.Pending))
            {
                break;
            }

            await Task.Delay(100);
        }

        if (!Directory.Exists(factory.MailFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(factory.MailFolder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The path and query of the first link to the site in the message's text, e.g. /account/confirm-email?....</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Link().Matches(message.TextBody ?? string.Empty).FirstOrDefault(m => m.Groups["path"].Value.StartsWith(path, StringComparison.Ordinal));
        Assert.NotNull(match);
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/\S+)")]
    private static partial Regex Link();
}
