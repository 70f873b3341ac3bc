using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.Web.Features.Pages;

/// <summary>
/// How long the backups keep a copy: <c>Backup:DailyCopies</c> daily copies and
/// <c>Backup:MonthlyCopies</c> monthly ones. The privacy notice quotes these two settings, the
/// same keys the backup job reads, so the notice says what the backups actually keep.
/// </summary>
public sealed record BackupRetention(int DailyCopies, int MonthlyCopies)
{
    public const string DailyCopiesKey = "Backup:DailyCopies";
    public const string MonthlyCopiesKey = "Backup:MonthlyCopies";
    public const int DefaultDailyCopies = 14;
    public const int DefaultMonthlyCopies = 12;

    public static BackupRetention From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            Math.Max(1, configuration.GetValue(DailyCopiesKey, DefaultDailyCopies)),
            Math.Max(1, configuration.GetValue(MonthlyCopiesKey, DefaultMonthlyCopies)));
    }
}

/// <summary>A cookie the site sets, by the name the browser shows.</summary>
public sealed record SiteCookie(string Name, string Purpose, string Lifetime);

/// <summary>
/// What the privacy notice states, read from the settings the site applies: the retention periods
/// (the same values and the same lower bounds the retention rule, the manage links and the mail
/// folder use), the backups' lifetime, how long payment records are kept (the payment settings) and
/// the cookies by their actual names.
/// </summary>
public sealed record PrivacyNotice(
    PracticeOptions Practice,
    int RetentionYears,
    int ManageLinkDaysAfterVisit,
    int MailCopyDays,
    BackupRetention Backups,
    IReadOnlyList<SiteCookie> Cookies,
    int PaymentRecordYears = 6)
{
    public const string IcoWebsite = "https://ico.org.uk/make-a-complaint/";
    public const string IcoPhone = "0303 123 1113";

    public static PrivacyNotice From(
        IOptions<PracticeOptions> practice,
        IOptions<PrivacyOptions> privacy,
        IOptions<EmailOptions> email,
        IOptions<SecurityOptions> security,
        IConfiguration configuration,
        int paymentRecordYears = 6)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(privacy);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(security);
        var prefix = security.Value.SecureCookies ? CookieNames.HostPrefix : string.Empty;
        return new PrivacyNotice(
            practice.Value,
            Math.Max(1, privacy.Value.RetentionYears),
            Math.Max(1, privacy.Value.ManageLinkDaysAfterVisit),
            Math.Max(1, email.Value.PickupRetentionDays),
            BackupRetention.From(configuration),
            [
                new(prefix + CookieNames.Antiforgery, "Protects the site's forms (booking, sign-in) from being sent by another website in your name.", "Until you close the browser"),
                new(prefix + CookieNames.Messages, "Carries a one-off message to the next page, such as \"your request has been sent\".", "Until it is read, or you close the browser"),
                new(prefix + CookieNames.Session, "Keeps you signed in to your account.", "Until you sign out; at most the length of a signed-in session"),
                new("Identity.TwoFactorUserId", "Remembers, for a few minutes, who is part-way through a two-step sign-in.", "A few minutes"),
                new("Identity.TwoFactorRememberMe", "Only if you tick \"remember this device\" when signing in with a code: skips the code on that device.", "Until you sign out of every device or it expires"),
            ],
            paymentRecordYears);
    }
}
