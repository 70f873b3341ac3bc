using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Reads the .eml files the site wrote to its pickup folder.</summary>
public static partial class MailPickup
{
    /// <summary>Sends what waits in the outbox (as the background sender would), then reads the messages to the address.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> ToAsync(PracticeAppFactory factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ProcessDueAsync();
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
