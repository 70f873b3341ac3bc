using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Calendar;

public sealed class CalendarPage
{
    public required WeekView Week { get; init; }

    public DateTimeOffset? FeedCreated { get; init; }

    /// <summary>The feed's address, only just after it was (re)generated: it is not stored, so it cannot be shown again.</summary>
    public string? NewFeedUrl { get; init; }
}

public sealed class DayPage
{
    public required DateOnly Date { get; init; }

    public required DateOnly Today { get; init; }

    public required IReadOnlyList<AgendaStop> Stops { get; init; }

    /// <summary>Requests (or proposed times) on this day that are not confirmed yet.</summary>
    public required IReadOnlyList<WeekEntry> Pending { get; init; }

    public required IReadOnlyList<WorkingPeriod> WorkingHours { get; init; }

    public required IReadOnlyList<WeekEntry> TimeOff { get; init; }

    /// <summary>The travel to or from a place in no zone (and between all visits when there are no zones).</summary>
    public required int FlatBufferMinutes { get; init; }

    /// <summary>Whether travel is weighed by zone (zones are set) or is the flat buffer after every visit.</summary>
    public required bool TravelByZone { get; init; }

    public required DateTime NowUtc { get; init; }

    public bool IsToday => Date == Today;

    public bool CanRecordOutcome(AgendaVisit visit) =>
        visit is not null && VisitPermissions.TherapistMayRecordOutcome(visit.Status, visit.StartUtc, NowUtc);

    /// <summary>"Cancelled late by the client", before the visit has started (afterwards it sits with the outcome buttons).</summary>
    public bool CanRecordLateCancellation(AgendaVisit visit) =>
        visit is not null && VisitPermissions.TherapistMayRecordLateCancellation(visit.Status, visit.StartUtc, NowUtc);

    /// <summary>The visit took place: Paul can make the client's plan.</summary>
    public bool CanWriteUp(AgendaVisit visit) =>
        visit is not null && VisitPermissions.TherapistMayWriteUp(visit.Status, visit.StartUtc, NowUtc);

    public bool CanAnnounceArrival(AgendaVisit visit) =>
        visit is not null && VisitPermissions.TherapistMayAnnounceArrival(visit.Status, visit.StartUtc, visit.EndUtc, NowUtc);
}

/// <summary>Reads the week view and the day agenda.</summary>
public sealed class CalendarQuery(AppDbContext db, SchedulingSettings settings, AvailabilityService availability, PracticeClock clock)
{
    private static readonly AppointmentStatus[] Drawn =
    [
        AppointmentStatus.Requested, AppointmentStatus.AlternativeProposed, AppointmentStatus.Confirmed,
        AppointmentStatus.Completed, AppointmentStatus.NoShow,
    ];

    public async Task<WeekView> WeekAsync(DateOnly? anyDay, CancellationToken cancellationToken = default)
    {
        var monday = WeekLayout.MondayOf(clock.DayWithinReach(anyDay));
        var (visits, timeOff, rules) = await LoadAsync(monday, 7, cancellationToken);
        return WeekLayout.Build(monday, clock.Today, rules, visits, timeOff, clock.TimeZone);
    }

    public async Task<DayPage> DayAsync(DateOnly? date, CancellationToken cancellationToken = default)
    {
        var day = clock.DayWithinReach(date);
        var (visits, timeOff, rules) = await LoadAsync(day, 1, cancellationToken);
        var from = clock.StartOfDayUtc(day);
        var to = clock.StartOfDayUtc(day.AddDays(1));
        var onRound = await db.Appointments.AsNoTracking()
            .Where(a => (a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
                && a.StartUtc >= from && a.StartUtc < to)
            .Select(a => new
            {
                a.Id, a.ClientId, a.Reference, a.Version, ClientName = a.Client!.Name, ClientPhone = a.Client.Phone, ServiceName = a.Service!.Name,
                a.DurationMinutes, a.StartUtc, a.EndUtc, a.AddressLine1, a.AddressLine2, a.Town, a.Postcode, a.AccessNotes, a.Status, a.AnnouncedArrivalUtc, ClientProvisional = a.Client.Provisional,
            })
            .ToListAsync(cancellationToken);
        var agenda = onRound.Select(a => new AgendaVisit(
            a.Id, a.ClientId, a.Reference, a.Version, a.ClientName, a.ClientPhone, a.ServiceName, a.DurationMinutes, a.StartUtc, a.EndUtc,
            clock.ToLocal(a.StartUtc), clock.ToLocal(a.EndUtc), a.AddressLine1, a.AddressLine2, a.Town, a.Postcode, a.AccessNotes, a.Status,
            a.AnnouncedArrivalUtc is DateTime arrival ? clock.ToLocal(arrival) : null, a.ClientProvisional));

        // The day through the week layout's eyes: requests and time off cut to this day.
        var layout = WeekLayout.Build(day, clock.Today, rules, visits.Where(v => v.IsPending), timeOff, clock.TimeZone).Days.Single(d => d.Date == day);
        return new DayPage
        {
            Date = day,
            Today = clock.Today,
            Stops = DayAgendaPlanner.Plan(agenda, rules.Travel, clock.TimeZone),
            Pending = layout.Entries.Where(e => e.Kind == WeekEntryKind.Visit).ToList(),
            WorkingHours = rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens).ToList(),
            TimeOff = layout.Entries.Where(e => e.Kind == WeekEntryKind.TimeOff).ToList(),
            FlatBufferMinutes = rules.Travel.FlatBufferMinutes,
            TravelByZone = rules.Travel.ByZone,
            NowUtc = clock.UtcNow,
        };
    }

    /// <summary>
    /// Visits (and proposed times) and time off touching the local days from <paramref name="first"/>,
    /// read with the availability search's own statement; the names drawn are then read for the
    /// visits found.
    /// </summary>
    private async Task<(List<CalendarVisit> Visits, IReadOnlyList<TimeOffPeriod> TimeOff, AvailabilityRules Rules)> LoadAsync(
        DateOnly first, int days, CancellationToken cancellationToken)
    {
        var snapshot = await settings.GetAsync(cancellationToken);
        var schedule = await availability.ScheduleAsync(clock.StartOfDayUtc(first), clock.StartOfDayUtc(first.AddDays(days)), snapshot.Rules, cancellationToken);
        var times = schedule.Visits.Where(v => Drawn.Contains(v.Status)).ToList();
        var ids = times.Select(v => v.AppointmentId).Distinct().ToList();
        var details = ids.Count == 0
            ? new Dictionary<int, VisitDetails>()
            : await db.Appointments.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new VisitDetails(a.Id, a.Reference, a.Client!.Name, a.Service!.Name, a.Postcode))
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        var visits = times
            .Where(v => details.ContainsKey(v.AppointmentId))
            .Select(v =>
            {
                var d = details[v.AppointmentId];
                return new CalendarVisit(v.AppointmentId, d.Reference, d.ClientName, d.ServiceName, d.Postcode, v.StartUtc, v.EndUtc, v.Status, v.IsProposedTime);
            })
            .ToList();
        return (visits, schedule.TimeOff, snapshot.Rules);
    }

    private sealed record VisitDetails(int Id, string Reference, string ClientName, string ServiceName, string Postcode);
}
