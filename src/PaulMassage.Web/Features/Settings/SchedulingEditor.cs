using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Settings;

/// <summary>
/// Reads and saves the scheduling settings. Every save raises the schedule's version
/// (<see cref="ScheduleVersion"/>), so the next availability answer and booking page, on any
/// instance, use the new values.
/// </summary>
public sealed class SchedulingEditor(
    AppDbContext db,
    PublicContentChanged publicContent,
    PracticeClock clock)
{
    /// <summary>Monday first, as the week is read in the UK.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<WeeklyHoursForm> HoursAsync(CancellationToken cancellationToken = default)
    {
        var hours = await db.WorkingHours.AsNoTracking().ToListAsync(cancellationToken);
        return new WeeklyHoursForm
        {
            Days = Week.Select(day => hours.Where(h => h.Day == day).OrderBy(h => h.Opens).FirstOrDefault() is { } h
                    ? new DayHoursRow { Day = day, IsOpen = true, Opens = h.Opens.ToString("HH:mm"), Closes = h.Closes.ToString("HH:mm") }
                    : new DayHoursRow { Day = day, IsOpen = false })
                .ToList(),
        };
    }

    public async Task SaveHoursAsync(IReadOnlyList<WorkingPeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        db.WorkingHours.RemoveRange(await db.WorkingHours.ToListAsync(cancellationToken));
        db.WorkingHours.AddRange(periods.Select(p => new WorkingHours { Day = p.Day, Opens = p.Opens, Closes = p.Closes }));
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("working hours", cancellationToken);
    }

    public async Task<BookingRulesForm> RulesAsync(CancellationToken cancellationToken = default)
    {
        var row = await RowAsync(cancellationToken);
        return new BookingRulesForm
        {
            TravelBufferMinutes = row.TravelBufferMinutes,
            MinimumNoticeHours = row.MinimumNoticeHours,
            BookingHorizonDays = row.BookingHorizonDays,
        };
    }

    public async Task SaveRulesAsync(int travelBufferMinutes, int noticeHours, int horizonDays, CancellationToken cancellationToken = default)
    {
        var row = await RowAsync(cancellationToken);
        row.TravelBufferMinutes = travelBufferMinutes;
        row.MinimumNoticeHours = noticeHours;
        row.BookingHorizonDays = horizonDays;
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("booking rules", cancellationToken);
    }

    public async Task<ServedAreaForm> AreaAsync(CancellationToken cancellationToken = default) =>
        new() { Districts = ServiceArea.Parse((await RowAsync(cancellationToken)).ServedDistricts).Format() };

    public async Task SaveAreaAsync(IReadOnlyList<string> districts, CancellationToken cancellationToken = default)
    {
        var row = await RowAsync(cancellationToken);
        row.ServedDistricts = new ServiceArea(districts).Format();
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("area served", cancellationToken);
    }

    /// <summary>The travel settings as stored (a row the page did not write reads as the flat buffer).</summary>
    public async Task<TravelTimes> TravelAsync(CancellationToken cancellationToken = default)
    {
        var row = await RowAsync(cancellationToken);
        return TravelTimes.Of(row);
    }

    public async Task SaveTravelAsync(TravelTimes travel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(travel);
        var row = await RowAsync(cancellationToken);
        row.HomeDistrict = travel.HomeDistrict ?? string.Empty;
        row.TravelZones = travel.FormatZones();
        row.TravelMinutes = travel.FormatMinutes();
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("travel", cancellationToken);
    }

    /// <summary>Time off that has not ended yet, soonest first, with the visits still booked inside it.</summary>
    public async Task<IReadOnlyList<TimeOffRow>> UpcomingTimeOffAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var rows = await db.TimeOff.AsNoTracking().Where(t => t.EndUtc > now).OrderBy(t => t.StartUtc).ToListAsync(cancellationToken);
        var result = new List<TimeOffRow>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(new TimeOffRow(row.Id, clock.ToLocal(row.StartUtc), clock.ToLocal(row.EndUtc), row.Reason,
                await VisitsDuringAsync(row.StartUtc, row.EndUtc, cancellationToken)));
        }

        return result;
    }

    /// <summary>Adds time off; returns the booked visits that fall inside it (they are not cancelled).</summary>
    public async Task<IReadOnlyList<VisitDuringTimeOff>> AddTimeOffAsync(LocalTimeOff timeOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeOff);
        var startUtc = clock.ToUtc(timeOff.FromDate, timeOff.FromTime);
        var endUtc = clock.ToUtc(timeOff.EndDay, timeOff.EndTime);
        db.TimeOff.Add(new TimeOff { StartUtc = startUtc, EndUtc = endUtc, Reason = timeOff.Reason });
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("time off", cancellationToken);
        return await VisitsDuringAsync(startUtc, endUtc, cancellationToken);
    }

    public async Task<bool> DeleteTimeOffAsync(int id, CancellationToken cancellationToken = default)
    {
        // Removed through the change tracker, so the save raises the schedule's version.
        if (await db.TimeOff.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } row)
        {
            return false;
        }

        db.TimeOff.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync("time off", cancellationToken);
        return true;
    }

    private static string TravelSummary(TravelTimes travel) =>
        !travel.ByZone ? $"{travel.FlatBufferMinutes} minutes between all visits; no zones."
        : $"By zone: {Wording.Count(travel.Zones.Count, "zone")}, {travel.ShortestMinutes} to {travel.LongestMinutes} minutes a drive"
            + (travel.HomeDistrict is { } home ? $"; the day starts from {home}." : "; no home base.");

    public async Task<SettingsOverview> OverviewAsync(string? message, CancellationToken cancellationToken = default)
    {
        var row = await RowAsync(cancellationToken);
        var now = clock.UtcNow;
        return new SettingsOverview(
            (await HoursAsync(cancellationToken)).Days,
            row.TravelBufferMinutes,
            row.MinimumNoticeHours,
            row.BookingHorizonDays,
            ServiceArea.Parse(row.ServedDistricts).Format(),
            TravelSummary(TravelTimes.Of(row)),
            await db.TimeOff.CountAsync(t => t.EndUtc > now, cancellationToken),
            await db.Services.CountAsync(s => s.IsActive, cancellationToken),
            await db.Articles.CountAsync(a => a.IsPublished, cancellationToken),
            await db.Articles.CountAsync(a => !a.IsPublished, cancellationToken),
            message);
    }

    private async Task<IReadOnlyList<VisitDuringTimeOff>> VisitsDuringAsync(DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc < endUtc && a.EndUtc > startUtc
                && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.AlternativeProposed))
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.StartUtc, ClientName = a.Client!.Name, ServiceName = a.Service!.Name, a.Status })
            .ToListAsync(cancellationToken);
        return visits.Select(v => new VisitDuringTimeOff(v.Id, clock.ToLocal(v.StartUtc), v.ClientName, v.ServiceName, v.Status)).ToList();
    }

    private async Task<PracticeSettings> RowAsync(CancellationToken cancellationToken)
    {
        var row = await db.PracticeSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new PracticeSettings();
            db.PracticeSettings.Add(row);
        }

        return row;
    }

    private async Task ChangedAsync(string what, CancellationToken cancellationToken)
    {
        await publicContent.NotifyAsync(what, cancellationToken);
    }
}
