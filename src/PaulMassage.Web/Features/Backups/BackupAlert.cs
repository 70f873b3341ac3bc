using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Backups;

/// <summary>What the back office's front page says about backups.</summary>
public sealed record BackupAlert(bool Applies, DateTimeOffset? LastGoodLocal, string? LastGoodFile, bool Stale, int WarnAfterHours, DateTimeOffset? FailedLocal, string? Problem)
{
    /// <summary>Stale when backups are on and there is no good copy, or the last one is older than the warning age.</summary>
    public static BackupAlert From(BackupStatus status, bool applies, DateTime nowUtc, int warnAfterHours, Func<DateTime, DateTimeOffset> toLocal)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(toLocal);
        var stale = applies && (status.LastGoodUtc is not DateTime good || nowUtc - good > TimeSpan.FromHours(warnAfterHours));
        var failed = status is { LastAttemptGood: false, LastAttemptUtc: DateTime attempt } ? toLocal(attempt) : (DateTimeOffset?)null;
        return new BackupAlert(applies, status.LastGoodUtc is DateTime g ? toLocal(g) : null, status.LastGoodFile, stale, warnAfterHours, failed, failed is null ? null : status.LastProblem);
    }
}

/// <summary>The last good backup on the back office's front page, with a warning when it is too old or missing.</summary>
public sealed class BackupAlertViewComponent(BackupService backups, BackupStatusStore status, PracticeClock clock, IOptions<BackupOptions> options) : ViewComponent
{
    public IViewComponentResult Invoke() => View(
        "/Features/Backups/Views/_BackupAlert.cshtml",
        BackupAlert.From(status.Current, backups.Applies, clock.UtcNow, options.Value.WarnAfterHours, clock.ToLocal));
}
