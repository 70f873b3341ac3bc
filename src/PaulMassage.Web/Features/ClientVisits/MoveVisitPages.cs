using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.ClientVisits;

/// <summary>Where the move form posts and where "back" goes, for the way the client came in.</summary>
public sealed record MoveLinks(string FormAction, string BackLink);

/// <summary>The result of a move form: not found, moved (with the message), or the page again.</summary>
public sealed record MoveSubmission(bool NotFound, string? MovedMessage, MoveVisitPage? Page);

/// <summary>Builds the move page for either way in (manage link or account), a week of free times at a time.</summary>
public sealed class MoveVisitPages(ClientVisitService visits, SchedulingSettings settings, PracticeClock clock)
{
    public const int DaysPerPage = 7;

    /// <param name="find">Finds the visit the way the client came in (token or account); null when it is not theirs.</param>
    public async Task<MoveSubmission> SubmitAsync(Func<Task<Appointment?>> find, DateTime? start, MoveLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(find);
        var appointment = await find();
        if (appointment is null)
        {
            return new MoveSubmission(true, null, null);
        }

        if (start is not DateTime value)
        {
            return new MoveSubmission(false, null, await BuildAsync(appointment, null, links, "Choose one of the free times, then press \"Move my visit\".", cancellationToken));
        }

        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        var (moved, message) = Explain(await visits.MoveAsync(appointment, utc, cancellationToken));
        if (moved)
        {
            return new MoveSubmission(false, message, null);
        }

        // A failed save left nothing tracked: read the visit again before showing the times.
        appointment = await find();
        return appointment is null
            ? new MoveSubmission(true, null, null)
            : new MoveSubmission(false, null, await BuildAsync(appointment, null, links, message, cancellationToken));
    }

    public async Task<MoveVisitPage> BuildAsync(Appointment appointment, DateOnly? week, MoveLinks links, string? refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(appointment);
        var visit = visits.Describe(appointment);
        if (!visits.MayMove(appointment))
        {
            return new MoveVisitPage
            {
                Visit = visit,
                FormAction = links.FormAction,
                BackLink = links.BackLink,
                MayMove = false,
                TooLate = visits.TooLate(appointment),
                Refusal = refusal,
            };
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var firstDay = clock.Today;
        var lastDay = firstDay.AddDays(snapshot.Rules.BookingHorizonDays);
        // Pages are whole runs of days counted from today, so "Earlier" and "Later" never lead to the
        // same days again. Unless the client paged elsewhere, open on the page with the visit's day.
        DateOnly PageOf(DateOnly day) => firstDay.AddDays((day.DayNumber - firstDay.DayNumber) / DaysPerPage * DaysPerPage);
        var visitDay = Max(DateOnly.FromDateTime(visit.LocalStart.DateTime), firstDay);
        var weekStart = PageOf(week is DateOnly w && w >= firstDay && w <= lastDay ? w : visitDay);
        var slots = await visits.FreeTimesAsync(appointment, weekStart, DaysPerPage, cancellationToken);
        return new MoveVisitPage
        {
            Visit = visit,
            FormAction = links.FormAction,
            BackLink = links.BackLink,
            MayMove = true,
            WeekStart = weekStart,
            PreviousWeek = weekStart > firstDay ? weekStart.AddDays(-DaysPerPage) : null,
            NextWeek = weekStart.AddDays(DaysPerPage) <= lastDay ? weekStart.AddDays(DaysPerPage) : null,
            Days = Enumerable.Range(0, DaysPerPage)
                .Select(i => weekStart.AddDays(i))
                .Select(day => new SlotDay(day, slots.Where(s => DateOnly.FromDateTime(s.LocalStart.DateTime) == day && s.StartUtc != appointment.StartUtc).ToList()))
                .ToList(),
            Refusal = refusal,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The message a client sees after a move attempt, and whether it worked.</summary>
    public static (bool Moved, string Message) Explain(MoveOutcome outcome) => outcome switch
    {
        MoveOutcome.Moved moved => (true, $"Your visit is moved to {moved.LocalStart:dddd d MMMM 'at' HH:mm}. Paul sees the new time in his calendar."),
        MoveOutcome.TooLate => (false, "This visit starts within 24 hours, so it can no longer be moved online. Please phone or e-mail Paul."),
        MoveOutcome.Refused refused => (false, refused.Reason),
        _ => (false, "This visit can no longer be moved online. Please phone or e-mail Paul."),
    };
}
