using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// Identity's own e-mails (confirm the account, reset the password), sent through the same outbox.
/// As with Identity's own callers, links arrive HTML-encoded; the templates encode for each part themselves.
/// </summary>
public sealed class IdentityEmailSender(AppDbContext db, Outbox outbox, IOptions<PracticeOptions> practiceOptions, ILogger<IdentityEmailSender> logger)
    : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(user, email, NotificationKind.AccountConfirmation, NotificationTemplates.AccountConfirmation(Practice, WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(user, email, NotificationKind.PasswordReset, NotificationTemplates.PasswordResetLink(Practice, WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync(user, email, NotificationKind.PasswordReset, NotificationTemplates.PasswordResetCode(Practice, resetCode));

    private PracticeFacts Practice => PracticeFacts.From(practiceOptions.Value);

    private async Task QueueAsync(AppUser user, string email, NotificationKind kind, EmailContent content)
    {
        ArgumentNullException.ThrowIfNull(user);
        var message = outbox.Add(kind, email, user.DisplayName, content);

        // Identity has already saved its own change (the token is valid now), so this saves on its own.
        await db.SaveChangesAsync();
        logger.LogInformation("Outbox message {OutboxId} ({Kind}) queued for user {UserId}", message.Id, kind, user.Id);
    }
}
