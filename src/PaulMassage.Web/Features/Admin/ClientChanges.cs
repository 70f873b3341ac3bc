using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>One thing a client did that Paul has not seen yet, with where to look.</summary>
public sealed record ClientChange(DateTime AtUtc, DateTimeOffset AtLocal, string Text, string Href);

/// <summary>An erasure request not yet completed, with the law's deadline.</summary>
public sealed record OpenErasure(int Id, string ClientName, ErasureDeadline Deadline);

/// <summary>
/// What clients did since Paul last marked the list as seen, newest first, and the erasure requests
/// still open (shown until completed, however often he looks, because the law sets a deadline).
/// </summary>
public sealed record ClientChangesPanel(IReadOnlyList<ClientChange> Changes, DateTime? SeenUtc, IReadOnlyList<OpenErasure> OpenErasures)
{
    public DateTime? NewestUtc => Changes.Count == 0 ? null : Changes[0].AtUtc;
}

/// <summary>
/// Reads the changes clients made themselves (cancelled, moved, accepted or turned down a proposed
/// time, said a booking was not theirs, asked for erasure). Each of them also e-mails Paul; this is
/// the list he can tick off on /admin.
/// </summary>
public sealed class ClientChangesQuery(AppDbContext db, PracticeClock clock)
{
    /// <summary>With no mark yet, this many days back are shown.</summary>
    public const int FirstLookDays = 14;

    private const int MaxItems = 50;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public async Task<ClientChangesPanel> ForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var seen = await db.Users.Where(u => u.Id == userId).Select(u => u.ClientChangesSeenUtc).SingleOrDefaultAsync(cancellationToken);
        var since = seen ?? clock.UtcNow.AddDays(-FirstLookDays);

        var events = await db.Appointments.AsNoTracking()
            .SelectMany(a => a.History, (a, e) => new { a.Id, a.Reference, ClientName = a.Client!.Name, ServiceName = a.Service!.Name, a.StartUtc, e.FromStatus, e.ToStatus, e.Actor, e.AtUtc })
            .Where(x => x.Actor == BookingService.ClientActor && x.FromStatus != null && x.AtUtc > since)
            .OrderByDescending(x => x.AtUtc).Take(MaxItems)
            .ToListAsync(cancellationToken);
        var disowned = await db.Appointments.AsNoTracking()
            .Where(a => a.DisownedUtc != null && a.DisownedUtc > since)
            .OrderByDescending(a => a.DisownedUtc).Take(MaxItems)
            .Select(a => new { a.Id, a.Reference, a.DisownedUtc, a.Client!.Email })
            .ToListAsync(cancellationToken);
        var erasures = await db.Set<ErasureRequest>().AsNoTracking()
            .Where(r => r.RequestedUtc > since)
            .OrderByDescending(r => r.RequestedUtc).Take(MaxItems)
            .Select(r => new { r.Id, r.RequestedUtc, r.Client!.Name, Reference = r.Appointment != null ? r.Appointment.Reference : null })
            .ToListAsync(cancellationToken);

        var changes = events
            .Select(e => Change(e.AtUtc, $"{e.ClientName} {Verb(e.FromStatus, e.ToStatus)}: {e.ServiceName}, {When(e.StartUtc)} (ref {e.Reference})", $"/admin/requests/{e.Id}"))
            .Concat(disowned.Select(d => Change(d.DisownedUtc!.Value, $"Someone reading {d.Email} said booking {d.Reference} was not theirs", $"/admin/requests/{d.Id}")))
            .Concat(erasures.Select(r => Change(r.RequestedUtc, $"{r.Name} asked to erase {(r.Reference is null ? "their whole record" : "booking " + r.Reference)}", $"/admin/erasure-requests#erasure-{r.Id}")))
            .OrderByDescending(c => c.AtUtc).Take(MaxItems).ToList();

        var open = await db.Set<ErasureRequest>().AsNoTracking()
            .Where(r => r.CompletedUtc == null)
            .OrderBy(r => r.RequestedUtc)
            .Select(r => new { r.Id, r.Client!.Name, r.RequestedUtc })
            .ToListAsync(cancellationToken);
        return new ClientChangesPanel(changes, seen, open.Select(r => new OpenErasure(r.Id, r.Name, ErasureDeadline.For(r.RequestedUtc, clock))).ToList());
    }

    /// <summary>Marks everything up to <paramref name="upToUtc"/> as seen (never later than now, so nothing unseen is skipped).</summary>
    public async Task MarkSeenAsync(string userId, DateTime upToUtc, CancellationToken cancellationToken = default)
    {
        var mark = DateTime.SpecifyKind(upToUtc > clock.UtcNow ? clock.UtcNow : upToUtc, DateTimeKind.Utc);
        await db.Users.Where(u => u.Id == userId && (u.ClientChangesSeenUtc == null || u.ClientChangesSeenUtc < mark))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ClientChangesSeenUtc, mark), cancellationToken);
    }

    /// <summary>What the client's own history entry means, from the statuses it joins.</summary>
    internal static string Verb(AppointmentStatus? from, AppointmentStatus to) => (from, to) switch
    {
        (AppointmentStatus.AlternativeProposed, AppointmentStatus.Confirmed) => "accepted the time you proposed",
        (AppointmentStatus.AlternativeProposed, AppointmentStatus.Cancelled) => "turned down the time you proposed",
        (_, AppointmentStatus.Cancelled) => "cancelled",
        _ when from == to => "moved the visit",
        _ => "changed the visit",
    };

    private ClientChange Change(DateTime atUtc, string text, string href) => new(atUtc, clock.ToLocal(atUtc), text, href);

    private string When(DateTime startUtc) => clock.ToLocal(startUtc).ToString("ddd d MMM HH:mm", British);
}

/// <summary>The "since you last looked" panel on /admin.</summary>
public sealed class ClientChangesViewComponent(ClientChangesQuery changes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Admin/Views/_ClientChanges.cshtml",
            await changes.ForAsync(UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, HttpContext.RequestAborted));
}

[Authorize(Roles = Roles.Therapist)]
[Route("admin/client-changes")]
public sealed class ClientChangesController(ClientChangesQuery changes) : Controller
{
    /// <summary>Ticks off the list up to the newest change Paul was shown (a later one stays).</summary>
    [HttpPost("seen")]
    public async Task<IActionResult> Seen([FromForm] long upToTicks, CancellationToken cancellationToken)
    {
        if (upToTicks > 0 && upToTicks <= DateTime.MaxValue.Ticks)
        {
            await changes.MarkSeenAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, new DateTime(upToTicks, DateTimeKind.Utc), cancellationToken);
        }

        return Redirect("/admin#client-changes");
    }
}
