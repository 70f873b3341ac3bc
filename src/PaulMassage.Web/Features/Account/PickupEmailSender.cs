using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// The account e-mails (confirm your address, reset your password), written as .eml files into
/// the folder Email:PickupDirectory names (relative to the content root unless absolute), where a
/// mail server's pickup service or a developer can read them. A stand-in until the practice's
/// e-mail outbox takes over this interface.
/// </summary>
/// <remarks>
/// As with ASP.NET Core Identity's own callers, links arrive HTML-encoded: they go into the HTML
/// part as they are and are decoded for the plain-text part.
/// </remarks>
public sealed class PickupEmailSender(
    IConfiguration configuration,
    IWebHostEnvironment environment,
    IOptions<PracticeOptions> practice,
    TimeProvider time,
    ILogger<PickupEmailSender> logger) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        WriteAsync(email, $"Confirm your e-mail address for {practice.Value.Name}",
            "Thank you for creating an account. Please confirm your e-mail address by opening this link:",
            confirmationLink,
            "Once it is confirmed, the visits you booked with this address appear in your account. If you did not ask for an account, ignore this e-mail.",
            "account confirmation");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        WriteAsync(email, $"Reset your {practice.Value.Name} password",
            "Someone (we hope you) asked to reset the password of your account. To choose a new password, open this link:",
            resetLink,
            "If you did not ask for this, ignore this e-mail: your password stays as it is.",
            "password reset link");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        WriteAsync(email, $"Your {practice.Value.Name} password reset code",
            "Your password reset code is:",
            null,
            $"{WebUtility.HtmlDecode(resetCode)}\n\nIf you did not ask for this, ignore this e-mail.",
            "password reset code");

    /// <summary>The folder the .eml files go to.</summary>
    public string Folder
    {
        get
        {
            var configured = configuration["Email:PickupDirectory"];
            var folder = string.IsNullOrWhiteSpace(configured) ? "mail" : configured;
            return Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
        }
    }

    private async Task WriteAsync(string to, string subject, string intro, string? encodedLink, string outro, string kind)
    {
        var options = practice.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Name, options.Email));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = time.GetUtcNow();

        var link = encodedLink is null ? null : WebUtility.HtmlDecode(encodedLink);
        var text = $"Hello,\n\n{intro}\n\n{(link is null ? string.Empty : link + "\n\n")}{outro}\n\n{options.TherapistName}\n{options.Name} · {options.Phone}\n";
        var html = $"<p>Hello,</p><p>{WebUtility.HtmlEncode(intro)}</p>"
            + (encodedLink is null ? string.Empty : $"<p><a href=\"{encodedLink}\">{encodedLink}</a></p>")
            + $"<p>{WebUtility.HtmlEncode(outro).Replace("\n", "<br>", StringComparison.Ordinal)}</p><p>{WebUtility.HtmlEncode(options.TherapistName)}<br>{WebUtility.HtmlEncode(options.Name)} · {WebUtility.HtmlEncode(options.Phone)}</p>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        var folder = Folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path);
        logger.LogInformation("Wrote an {Kind} e-mail to the pickup folder", kind);
    }
}
