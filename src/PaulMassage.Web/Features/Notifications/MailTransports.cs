using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>How a finished message leaves the site.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as an .eml file (the default, so the site runs without a mail server).
/// The file is named after the message's date and Message-Id, so a retry overwrites, never duplicates,
/// and an erasure finds the files of the messages it deletes (<see cref="FilesOf"/>). Files older than
/// <see cref="EmailOptions.PickupRetentionDays"/> are deleted by the sender's passes (<see cref="DeleteExpired"/>).
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment, TimeProvider time) : IMailTransport
{
    private const string DateFormat = "yyyyMMdd-HHmmss";

    public string Folder => Path.IsPathRooted(options.Value.PickupDirectory)
        ? options.Value.PickupDirectory
        : Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{message.Date.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)}-{FileId(message.MessageId ?? Guid.NewGuid().ToString("N"))}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The files written for these Message-Ids (none when the folder does not exist).</summary>
    public IReadOnlyList<string> FilesOf(IEnumerable<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return messageIds.Select(FileId).Distinct()
            .SelectMany(id => Directory.EnumerateFiles(Folder, $"*-{id}.eml*"))
            .ToList();
    }

    /// <summary>Deletes the files written more than <see cref="EmailOptions.PickupRetentionDays"/> ago (by the site's clock); returns how many.</summary>
    public int DeleteExpired()
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.Value.PickupRetentionDays));
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml*"))
        {
            var name = Path.GetFileName(file);
            var written = name.Length > DateFormat.Length
                && DateTime.TryParseExact(name[..DateFormat.Length], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : File.GetLastWriteTimeUtc(file);
            if (written < cutoff)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    private static string FileId(string messageId) =>
        new(messageId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
}

/// <summary>Sends each message to the configured SMTP server with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
