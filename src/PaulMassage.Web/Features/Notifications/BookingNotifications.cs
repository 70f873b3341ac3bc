using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The e-mails a booking change causes. Call the method for the change AFTER changing the
/// appointment and BEFORE <c>SaveChangesAsync</c>: it adds the outbox rows to the same DbContext,
/// so they are stored in the same transaction as the change (and not at all if the save fails).
/// It never saves by itself.
/// <code>
/// appointment.ChangeStatus(AppointmentStatus.Confirmed, actor, clock.UtcNow);
/// await notifications.VisitConfirmedAsync(appointment, cancellationToken);
/// await db.SaveChangesAsync(cancellationToken);
/// </code>
/// The appointment must be tracked by the scoped <see cref="AppDbContext"/>; its Client and
/// Service are loaded when missing.
/// </summary>
public sealed class BookingNotifications(
    AppDbContext db,
    Outbox outbox,
    ManageLinks links,
    PracticeClock clock,
    IOptions<PracticeOptions> practiceOptions,
    IOptions<EmailOptions> emailOptions,
    PaymentTerms paymentTerms)
{
    /// <summary>
    /// A new request: "request received" to the client, "new request" to the therapist (flagged when
    /// it needs review). <paramref name="addressCheckToken"/>, for a booking made without signing in,
    /// adds the links that prove the address or say "this was not me".
    /// </summary>
    public async Task VisitRequestedAsync(Appointment appointment, string? addressCheckToken = null, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        var check = addressCheckToken is null
            ? null
            : new AddressCheckLinks(Practice.BaseUrl.TrimEnd('/') + AddressCheckPaths.ItWasMe(addressCheckToken), Practice.BaseUrl.TrimEnd('/') + AddressCheckPaths.NotMe(addressCheckToken));
        ToClient(appointment, NotificationKind.RequestReceived, visit, NotificationTemplates.RequestReceived(Practice, visit, check));
        ToTherapist(appointment, NotificationKind.TherapistNewRequest, visit, NotificationTemplates.TherapistNewRequest(Practice, visit, appointment.NeedsReview));
    }

    /// <summary>Someone at the booking's address said it was not them: Paul is told (the visit is flagged too).</summary>
    public async Task NotMeAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToTherapist(appointment, NotificationKind.TherapistNotMe, visit, NotificationTemplates.TherapistNotMe(Practice, visit));
    }

    /// <summary>
    /// The visit is confirmed: confirmation with an .ics invitation to the client. When the client
    /// did it, by accepting the time Paul proposed, Paul is told too.
    /// </summary>
    public async Task VisitConfirmedAsync(Appointment appointment, ChangedBy by = ChangedBy.Therapist, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        var howToPay = (await paymentTerms.HowToPayAsync(cancellationToken)).Sentence;
        ToClient(appointment, NotificationKind.Confirmed, visit, NotificationTemplates.Confirmed(Practice, visit, howToPay), VisitInvitation.Request);
        if (by == ChangedBy.Client)
        {
            ToTherapist(appointment, NotificationKind.TherapistAccepted, visit, NotificationTemplates.TherapistAccepted(Practice, visit));
        }

        CoverReminderIfDue(appointment);
    }

    /// <summary>
    /// A course or repeating series Paul booked: one e-mail to the client for all its visits, with
    /// the series' manage link (<paramref name="seriesToken"/>). Their day-before reminders follow as usual.
    /// </summary>
    public async Task SeriesBookedAsync(VisitSeries series, string seriesToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var visits = new List<VisitFacts>();
        foreach (var appointment in series.Visits.OrderBy(v => v.StartUtc))
        {
            visits.Add(await FactsAsync(appointment, cancellationToken));
            CoverReminderIfDue(appointment);
        }

        var howToPay = (await paymentTerms.HowToPayAsync(cancellationToken)).Sentence;
        var url = links.SeriesUrlFor(seriesToken);
        var first = series.Visits.OrderBy(v => v.StartUtc).First();
        outbox.Add(NotificationKind.SeriesBooked, visits[0].ClientEmail, visits[0].ClientName,
            NotificationTemplates.SeriesBooked(Practice, visits, url, series.CourseId is not null, howToPay),
            new OutboxExtras { Appointment = first });
    }

    /// <summary>
    /// The client cancelled the rest of a series in one step (the visits already changed): one e-mail
    /// to them and one to Paul, naming the visits cancelled and those inside the notice that stay.
    /// </summary>
    public async Task SeriesCancelledAsync(IReadOnlyList<Appointment> cancelled, IReadOnlyList<Appointment> kept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        ArgumentNullException.ThrowIfNull(kept);
        var gone = new List<VisitFacts>();
        foreach (var appointment in cancelled)
        {
            gone.Add(await FactsAsync(appointment, cancellationToken));
        }

        var stay = new List<VisitFacts>();
        foreach (var appointment in kept)
        {
            stay.Add(await FactsAsync(appointment, cancellationToken));
        }

        ToClient(cancelled[0], NotificationKind.Cancelled, gone[0], NotificationTemplates.SeriesCancelled(Practice, gone, stay));
        ToTherapist(cancelled[0], NotificationKind.TherapistCancelled, gone[0], NotificationTemplates.TherapistSeriesCancelled(Practice, gone, stay));
    }

    /// <summary>
    /// A client asked for their data (or one booking's) to be erased: Paul is told, with the day the
    /// law's month runs out. The e-mail names nobody, so it holds nothing for the erasure to remove.
    /// </summary>
    public void ErasureRequested(bool wholeRecord, DateOnly dueDate) =>
        outbox.Add(NotificationKind.TherapistErasureRequested, outbox.TherapistAddress, Practice.TherapistName,
            NotificationTemplates.TherapistErasureRequested(Practice, wholeRecord, dueDate));

    /// <summary>The therapist declined: the client is told, with <see cref="Appointment.DeclineReason"/>.</summary>
    public async Task VisitDeclinedAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.Declined, visit, NotificationTemplates.Declined(Practice, visit, appointment.DeclineReason));
    }

    /// <summary>The therapist suggests another start; the client answers on the manage page.</summary>
    public async Task AlternativeProposedAsync(Appointment appointment, DateTime proposedStartUtc, string? note = null, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.AlternativeProposed, visit,
            NotificationTemplates.AlternativeProposed(Practice, visit, clock.ToLocal(proposedStartUtc), note));
    }

    /// <summary>
    /// The visit was called off: the client is told (with an .ics cancellation if it had been
    /// confirmed); when the client did it, the therapist is told too.
    /// </summary>
    public async Task VisitCancelledAsync(Appointment appointment, ChangedBy by, string? reason = null, bool tellTherapist = true, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        var wasConfirmed = OriginalValue(appointment, a => a.Status) == AppointmentStatus.Confirmed;
        ToClient(appointment, NotificationKind.Cancelled, visit, NotificationTemplates.Cancelled(Practice, visit, by, reason, calendarCancellationAttached: wasConfirmed),
            wasConfirmed ? VisitInvitation.Cancel : null);
        if (by == ChangedBy.Client && tellTherapist)
        {
            ToTherapist(appointment, NotificationKind.TherapistCancelled, visit, NotificationTemplates.TherapistCancelled(Practice, visit));
        }
    }

    /// <summary>
    /// The visit has a new time (StartUtc already changed): the client is told (with an updated
    /// .ics when confirmed); when the client did it, the therapist too. The previous start is taken
    /// from the DbContext's original value unless given. The day-before reminder is re-armed.
    /// </summary>
    public async Task VisitMovedAsync(Appointment appointment, ChangedBy by, DateTime? previousStartUtc = null, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        var previous = clock.ToLocal(previousStartUtc ?? OriginalValue(appointment, a => a.StartUtc));
        var confirmed = appointment.Status == AppointmentStatus.Confirmed;
        ToClient(appointment, NotificationKind.Moved, visit, NotificationTemplates.Moved(Practice, visit, previous, by, confirmed),
            confirmed ? VisitInvitation.Request : null);
        if (by == ChangedBy.Client)
        {
            ToTherapist(appointment, NotificationKind.TherapistMoved, visit, NotificationTemplates.TherapistMoved(Practice, visit, previous));
        }

        appointment.ReminderQueuedUtc = null;
        if (confirmed)
        {
            CoverReminderIfDue(appointment);
        }
    }

    /// <summary>Paul is on his way (<see cref="Appointment.AnnouncedArrivalUtc"/> already set): the client gets the arrival time.</summary>
    public async Task OnMyWayAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var arrival = appointment.AnnouncedArrivalUtc ?? throw new InvalidOperationException("Announce the arrival on the appointment first.");
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.OnMyWay, visit, NotificationTemplates.OnMyWay(Practice, visit, clock.ToLocal(arrival)));
    }

    /// <summary>
    /// The visit took place: the one after-visit e-mail, with the link to the client's plan from it
    /// (the booking's own plan page, or the account's when the link cannot be rebuilt), a link to book the
    /// next session, when it was paid (<paramref name="withReceipt"/>) the receipt's link and, when the
    /// client is due an invitation (<paramref name="review"/>), the invitation to review with its
    /// one-click unsubscribe (also as the List-Unsubscribe header).
    /// </summary>
    public async Task VisitCompletedAsync(Appointment appointment, bool withReceipt = false, ReviewInvitationLinks? review = null, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        var slug = await db.Services.Where(s => s.Id == appointment.ServiceId).Select(s => s.Slug).SingleAsync(cancellationToken);
        var bookAgain = Practice.BaseUrl.TrimEnd('/') + BookingLinks.Slots(slug, appointment.DurationMinutes, appointment.Postcode);
        var receipt = withReceipt ? ManageLinks.ReceiptUrl(visit.ManageUrl) : null;
        var plan = ManageLinks.PlanUrl(visit.ManageUrl) ?? $"{Practice.BaseUrl.TrimEnd('/')}/account/plan";
        ToClient(appointment, NotificationKind.Aftercare, visit, NotificationTemplates.Aftercare(Practice, visit, bookAgain, plan, receipt, review),
            listUnsubscribeUrl: review?.UnsubscribeUrl);
    }

    /// <summary>
    /// The client asked for a fresh manage link after the old one expired: it goes to the booking's
    /// own address (<see cref="ManageLinkAccess.RenewAsync"/> has already replaced the token).
    /// </summary>
    public async Task NewManageLinkAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.NewManageLink, visit, NotificationTemplates.NewManageLink(Practice, visit));
    }

    /// <summary>
    /// The day-before reminder (queued by <see cref="ReminderScheduler"/>). Marks the visit, and
    /// its key makes a second reminder for the same visit and time impossible.
    /// </summary>
    public async Task ReminderAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.Reminder, visit, NotificationTemplates.Reminder(Practice, visit, clock.Today),
            dedupKey: $"reminder:{appointment.Id}:{appointment.StartUtc:yyyyMMddTHHmm}");
        appointment.ReminderQueuedUtc = clock.UtcNow;
    }

    /// <summary>The check-in before a visit of a course, with its one-time link (the check-in is saved in the same SaveChanges).</summary>
    public async Task CheckInAsync(Appointment appointment, string checkInUrl, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToClient(appointment, NotificationKind.CheckIn, visit, NotificationTemplates.CheckIn(Practice, visit, checkInUrl));
    }

    /// <summary>Tells Paul a check-in needs him (a red flag, or pain clearly worse): the visit only, no answers.</summary>
    public async Task CheckInAlertAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        var visit = await FactsAsync(appointment, cancellationToken);
        ToTherapist(appointment, NotificationKind.TherapistCheckInAlert, visit,
            NotificationTemplates.CheckInAlert(Practice, visit, $"{Practice.BaseUrl.TrimEnd('/')}/admin/requests/{appointment.Id}"));
    }

    private PracticeFacts Practice => PracticeFacts.From(practiceOptions.Value);

    private void ToClient(Appointment appointment, NotificationKind kind, VisitFacts visit, EmailContent content, string? calendarMethod = null, string? dedupKey = null, string? listUnsubscribeUrl = null)
    {
        var ics = calendarMethod is null ? null : VisitInvitation.Create(Practice, visit, clock.TimeZone.Id, calendarMethod, clock.UtcNow);
        outbox.Add(kind, visit.ClientEmail, visit.ClientName, content, new OutboxExtras
        {
            Appointment = appointment,
            CalendarIcs = ics,
            CalendarMethod = calendarMethod,
            DedupKey = dedupKey,
            ListUnsubscribeUrl = listUnsubscribeUrl,
        });
    }

    private void ToTherapist(Appointment appointment, NotificationKind kind, VisitFacts visit, EmailContent content) =>
        outbox.Add(kind, outbox.TherapistAddress, Practice.TherapistName, content, new OutboxExtras
        {
            Appointment = appointment,
            ReplyTo = visit.ClientEmail,
        });

    private void CoverReminderIfDue(Appointment appointment)
    {
        if (appointment.ReminderQueuedUtc is null
            && ReminderSchedule.CoveredBy(appointment.StartUtc, clock.UtcNow, clock.TimeZone, emailOptions.Value.ReminderTime))
        {
            appointment.ReminderQueuedUtc = clock.UtcNow;
        }
    }

    private T OriginalValue<T>(Appointment appointment, System.Linq.Expressions.Expression<Func<Appointment, T>> property)
    {
        var entry = db.Entry(appointment);
        return entry.State is EntityState.Detached or EntityState.Added
            ? property.Compile()(appointment)
            : entry.Property(property).OriginalValue;
    }

    private async Task<VisitFacts> FactsAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var client = appointment.Client
            ?? await db.Clients.FindAsync([appointment.ClientId], cancellationToken)
            ?? throw new InvalidOperationException($"Booking {appointment.Reference} has no client.");
        var serviceName = appointment.Service?.Name
            ?? await db.Services.Where(s => s.Id == appointment.ServiceId).Select(s => s.Name).SingleAsync(cancellationToken);
        return Facts(appointment, client, serviceName);
    }

    private VisitFacts Facts(Appointment appointment, Client client, string serviceName) => new(
        appointment.Reference,
        client.Name,
        client.Email,
        client.Phone,
        serviceName,
        appointment.DurationMinutes,
        appointment.PriceGbp,
        clock.ToLocal(appointment.StartUtc),
        appointment.Postcode,
        links.TryUrlFor(appointment));
}
