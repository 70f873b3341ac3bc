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
/// The file is named after the message's date and Message-Id, so a retry overwrites, never duplicates.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.IsPathRooted(options.Value.PickupDirectory)
        ? options.Value.PickupDirectory
        : Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var id = new string((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        var path = Path.Combine(Folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{id}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
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
