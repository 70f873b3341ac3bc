using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Privacy;

public enum ErasureAsk
{
    Recorded,
    AlreadyAsked,
    NotFound,
}

/// <summary>
/// One request on Paul's list. <paramref name="BookingReference"/> is set when it came through a
/// manage link and so covers that booking only; otherwise it covers the client's whole record.
/// </summary>
/// <param name="Deadline">The law's deadline, for an open request; null once completed.</param>
public sealed record ErasureRequestRow(int Id, string ClientName, string ClientEmail, string Channel, DateTime RequestedUtc, DateTimeOffset RequestedLocal, DateTimeOffset? CompletedLocal, int Appointments, int UpcomingVisits, string? BookingReference = null, ErasureDeadline? Deadline = null);

/// <summary>
/// The client's rights over their data: a copy of it (JSON), and erasure, which the therapist
/// completes. Erasure keeps each appointment only as anonymous history: its time, service, price
/// and status stay; name, contact details, address, access notes, intake and notes go, with the
/// pickup-folder copies of the client's e-mails, and on SQLite the write-ahead log is emptied
/// (<see cref="ErasureTraces"/>). Each completed erasure goes into the <see cref="ErasureLedger"/>,
/// so that it is applied again if a backup taken before it is restored. A manage
/// link reaches its own booking only (anyone can book with someone else's e-mail address); the
/// whole record is reached from the account, behind sign-in.
/// </summary>
public sealed class PrivacyService(
    AppDbContext db,
    ManageLinkAccess manageLinks,
    UserManager<AppUser> users,
    ClientAccounts accounts,
    IEnumerable<IPersonalDataHandler> handlers,
    ErasureTraces traces,
    BookingNotifications notifications,
    ErasureLedger ledger,
    PracticeClock clock,
    IOptions<PracticeOptions> practice,
    ILogger<PrivacyService> logger)
{
    public const string ErasedName = "Erased client";

    /// <summary>What a manage link may show: the booking it belongs to, not the client's other bookings.</summary>
    public async Task<PersonalDataExport?> ExportForBookingAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await manageLinks.FindAsync(token, q => q.AsNoTracking(), cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == appointment.ClientId, cancellationToken);
        return await ExportAsync([client], null, new PersonalDataScope([client.Id], [appointment.Id], WholeRecord: false), "booking " + appointment.Reference, cancellationToken);
    }

    /// <summary>
    /// Everything about the signed-in user: their account and every booking of every client record
    /// the account owns (<see cref="ClientAccounts.OwnRecordIdsAsync"/>).
    /// </summary>
    public async Task<PersonalDataExport> ExportForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var own = await accounts.OwnRecordIdsAsync(user.Id, cancellationToken);
        var clients = await db.Clients.AsNoTracking().Where(c => own.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var scope = clients.Count == 0
            ? null
            : new PersonalDataScope(own, await db.Appointments.Where(a => own.Contains(a.ClientId)).Select(a => a.Id).ToListAsync(cancellationToken), WholeRecord: true);
        return await ExportAsync(clients, user, scope, "account", cancellationToken);
    }

    public async Task<ErasureAsk> RequestErasureForBookingAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await manageLinks.FindAsync(token, q => q.AsNoTracking(), cancellationToken);
        return appointment is null
            ? ErasureAsk.NotFound
            : await RecordRequestAsync([appointment.ClientId], appointment.Id, "booking " + appointment.Reference, cancellationToken);
    }

    /// <summary>Asks erasure of every client record the account owns: one request per record, each completed on its own.</summary>
    public async Task<ErasureAsk> RequestErasureForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var own = await accounts.OwnRecordIdsAsync(userId, cancellationToken);
        return own.Count == 0 ? ErasureAsk.NotFound : await RecordRequestAsync(own, null, "account", cancellationToken);
    }

    public async Task<bool> HasOpenRequestForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var own = await accounts.OwnRecordIdsAsync(userId, cancellationToken);
        return await db.Set<ErasureRequest>().AnyAsync(r => r.CompletedUtc == null && own.Contains(r.ClientId), cancellationToken);
    }

    /// <summary>Open requests first (oldest first), then the last completed ones.</summary>
    public async Task<IReadOnlyList<ErasureRequestRow>> RequestsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var rows = await db.Set<ErasureRequest>().AsNoTracking()
            .OrderBy(r => r.CompletedUtc != null).ThenBy(r => r.CompletedUtc == null ? r.RequestedUtc : DateTime.MaxValue).ThenByDescending(r => r.CompletedUtc)
            .Take(200)
            .Select(r => new
            {
                r.Id, r.Client!.Name, r.Client.Email, r.Channel, r.RequestedUtc, r.CompletedUtc,
                Appointments = r.AppointmentId != null ? 1 : r.Client.Appointments.Count,
                Upcoming = r.Client.Appointments.Count(a => (r.AppointmentId == null || a.Id == r.AppointmentId) && a.StartUtc > now
                    && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.AlternativeProposed)),
                BookingReference = r.Appointment != null ? r.Appointment.Reference : null,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ErasureRequestRow(
            r.Id, r.Name, r.Email, r.Channel, r.RequestedUtc, clock.ToLocal(r.RequestedUtc),
            r.CompletedUtc is DateTime done ? clock.ToLocal(done) : null, r.Appointments, r.Upcoming, r.BookingReference,
            r.CompletedUtc is null ? ErasureDeadline.For(r.RequestedUtc, clock) : null)).ToList();
    }

    /// <summary>
    /// The therapist completes an erasure request: the client is anonymised, or, for a request made
    /// through a manage link, that booking only.
    /// </summary>
    public async Task<bool> CompleteRequestAsync(int requestId, string completedBy, CancellationToken cancellationToken = default)
    {
        var request = await db.Set<ErasureRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.CompletedUtc is not null)
        {
            return false;
        }

        if (request.AppointmentId is int appointmentId)
        {
            await EraseBookingAsync(request, appointmentId, completedBy, cancellationToken);
            logger.LogInformation("Erasure request {RequestId} completed: booking {AppointmentId} anonymised", requestId, appointmentId);
            return true;
        }

        await EraseClientAsync(request.ClientId, completedBy, cancellationToken);
        logger.LogInformation("Erasure request {RequestId} completed: client {ClientId} anonymised", requestId, request.ClientId);
        return true;
    }

    /// <summary>
    /// Erases one booking (a request made through its manage link): its address, notes, intake and
    /// e-mails go; the client's other visits are untouched. When the record holds nothing else (no
    /// other visit, no account), its name and contact details go too.
    /// </summary>
    private async Task EraseBookingAsync(ErasureRequest? request, int appointmentId, string completedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appointment = await db.Appointments
            .Include(a => a.Intake).Include(a => a.History).Include(a => a.SlotClaims)
            .SingleAsync(a => a.Id == appointmentId, cancellationToken);
        var now = clock.UtcNow;
        AnonymiseAppointment(appointment, now);
        var scope = new PersonalDataScope([appointment.ClientId], [appointment.Id], WholeRecord: false);
        foreach (var handler in handlers)
        {
            await handler.EraseAsync(scope, cancellationToken);
        }

        var client = await db.Clients.SingleAsync(c => c.Id == appointment.ClientId, cancellationToken);
        if (client.UserId is null && !await db.Appointments.AnyAsync(a => a.ClientId == client.Id && a.Id != appointment.Id, cancellationToken))
        {
            foreach (var handler in handlers)
            {
                await handler.EraseAsync(scope with { WholeRecord = true }, cancellationToken);
            }

            AnonymiseContact(client, now);
        }

        if (request is not null)
        {
            request.CompletedUtc = now;
            request.CompletedBy = completedBy;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await traces.ClearAsync(cancellationToken);
        ledger.Record(ErasedKind.Booking, appointment.Id, appointment.CreatedUtc, now);
    }

    /// <summary>
    /// Erases again a booking that the <see cref="ErasureLedger"/> lists but a restored backup brought
    /// back, closing the request for it if the backup still held it open.
    /// </summary>
    public async Task EraseBookingAgainAsync(int appointmentId, string completedBy, CancellationToken cancellationToken = default)
    {
        var request = await db.Set<ErasureRequest>()
            .FirstOrDefaultAsync(r => r.AppointmentId == appointmentId && r.CompletedUtc == null, cancellationToken);
        await EraseBookingAsync(request, appointmentId, completedBy, cancellationToken);
    }

    /// <summary>
    /// Erases one client in a transaction of its own: anonymises them and closes their open erasure
    /// requests as done by <paramref name="completedBy"/> (the therapist, or the retention rule).
    /// </summary>
    public async Task EraseClientAsync(int clientId, string completedBy, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var client = await AnonymiseClientAsync(clientId, cancellationToken);
        foreach (var open in await db.Set<ErasureRequest>().Where(r => r.ClientId == clientId && r.CompletedUtc == null).ToListAsync(cancellationToken))
        {
            open.CompletedUtc = clock.UtcNow;
            open.CompletedBy = completedBy;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await traces.ClearAsync(cancellationToken);
        ledger.Record(ErasedKind.Client, clientId, client.CreatedUtc, client.ErasedUtc ?? clock.UtcNow);
    }

    /// <summary>
    /// Anonymises one client in the current unit of work (the caller saves): upcoming visits are
    /// cancelled, identity, contact details, addresses, notes and intake answers are removed, the
    /// manage links stop working, and a linked site account is deleted unless it owns another record.
    /// </summary>
    private async Task<Client> AnonymiseClientAsync(int clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.SingleAsync(c => c.Id == clientId, cancellationToken);
        var appointments = await db.Appointments
            .Include(a => a.Intake).Include(a => a.History).Include(a => a.SlotClaims)
            .Where(a => a.ClientId == clientId)
            .ToListAsync(cancellationToken);
        var now = clock.UtcNow;

        foreach (var appointment in appointments)
        {
            AnonymiseAppointment(appointment, now);
        }

        var scope = new PersonalDataScope([clientId], appointments.Select(a => a.Id).ToList(), WholeRecord: true);
        foreach (var handler in handlers)
        {
            await handler.EraseAsync(scope, cancellationToken);
        }

        // The account goes with its last record: while it owns another record that is not erased,
        // it is still that client's way in, and only this record leaves it (AnonymiseContact unlinks it).
        if (client.UserId is { } userId
            && (await accounts.OwnRecordIdsAsync(userId, cancellationToken)).All(id => id == clientId)
            && await users.FindByIdAsync(userId) is { } user && !await users.IsInRoleAsync(user, Roles.Therapist))
        {
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The client's site account could not be deleted.");
            }
        }

        AnonymiseContact(client, now);
        return client;
    }

    /// <summary>Cancels the visit if it is still to come and removes everything personal from it (the caller saves).</summary>
    private void AnonymiseAppointment(Appointment appointment, DateTime now)
    {
        if (appointment.StartUtc > now && BookingStateMachine.CanMove(appointment.Status, AppointmentStatus.Cancelled))
        {
            appointment.ChangeStatus(AppointmentStatus.Cancelled, "privacy", now, null);
        }

        appointment.AddressLine1 = string.Empty;
        appointment.AddressLine2 = null;
        appointment.Town = string.Empty;
        appointment.Postcode = string.Empty;
        appointment.AccessNotes = null;
        appointment.DeclineReason = null;
        appointment.RevokeManageToken();
        appointment.CompleteEmailCheck();
        foreach (var change in appointment.History)
        {
            change.Note = null;
        }

        if (appointment.Intake is not null)
        {
            db.IntakeAssessments.Remove(appointment.Intake);
        }
    }

    private static void AnonymiseContact(Client client, DateTime now)
    {
        client.Name = ErasedName;
        client.Email = $"erased-{client.Id}@erased.invalid";
        client.NormalizedEmail = Client.Normalize(client.Email);
        client.Phone = string.Empty;
        client.UserId = null;
        client.ErasedUtc = now;
    }

    /// <summary>
    /// Records a request for the whole of each record (<paramref name="appointmentId"/> null) or for
    /// one booking, for each record that has none open yet; Paul is told once.
    /// </summary>
    private async Task<ErasureAsk> RecordRequestAsync(IReadOnlyCollection<int> clientIds, int? appointmentId, string channel, CancellationToken cancellationToken)
    {
        var asked = await db.Set<ErasureRequest>()
            .Where(r => clientIds.Contains(r.ClientId) && r.CompletedUtc == null && (r.AppointmentId == null || r.AppointmentId == appointmentId))
            .Select(r => r.ClientId)
            .ToListAsync(cancellationToken);
        var toAsk = clientIds.Except(asked).ToList();
        if (toAsk.Count == 0)
        {
            return ErasureAsk.AlreadyAsked;
        }

        var now = clock.UtcNow;
        foreach (var clientId in toAsk)
        {
            db.Set<ErasureRequest>().Add(new ErasureRequest { ClientId = clientId, AppointmentId = appointmentId, Channel = channel, RequestedUtc = now });
        }

        notifications.ErasureRequested(wholeRecord: appointmentId is null, ErasureDeadline.For(now, clock).DueDate);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var clientId in toAsk)
        {
            logger.LogInformation("Erasure requested for client {ClientId} ({Channel})", clientId, channel);
        }

        return ErasureAsk.Recorded;
    }

    /// <summary>The export of <paramref name="clients"/> (oldest first) within the scope; the lists hold every record's data together.</summary>
    private async Task<PersonalDataExport> ExportAsync(IReadOnlyList<Client> clients, AppUser? user, PersonalDataScope? scope, string scopeName, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<int> appointmentIds = scope?.AppointmentIds ?? [];
        var appointments = await db.Appointments.AsNoTracking()
            .Include(a => a.Service).Include(a => a.Intake).Include(a => a.History)
            .Where(a => appointmentIds.Contains(a.Id))
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
        var requests = scope is null
            ? []
            : await db.Set<ErasureRequest>().AsNoTracking()
                .Where(r => scope.ClientIds.Contains(r.ClientId) && (scope.WholeRecord || (r.AppointmentId != null && appointmentIds.Contains(r.AppointmentId.Value))))
                .Select(r => new ExportedErasureRequest(r.RequestedUtc, r.CompletedUtc)).ToListAsync(cancellationToken);

        var other = new Dictionary<string, object?>();
        if (scope is not null)
        {
            foreach (var handler in handlers)
            {
                other[handler.Section] = await handler.ExportAsync(scope, cancellationToken);
            }
        }

        return new PersonalDataExport(
            clock.UtcNow,
            practice.Value.Name,
            scopeName,
            clients.Select(Export).FirstOrDefault(),
            user is null ? null : new ExportedAccount(user.Email, user.DisplayName, user.EmailConfirmed, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)]),
            appointments.Select(Export).ToList(),
            requests,
            other,
            [.. clients.Select(Export)]);
    }

    private static ExportedClient Export(Client c) => new(c.Name, c.Email, c.Phone, c.CreatedUtc);

    private ExportedAppointment Export(Appointment a) => new(
        a.Reference,
        a.Service?.Name ?? string.Empty,
        a.DurationMinutes,
        a.PriceGbp,
        a.StartUtc,
        clock.ToLocal(a.StartUtc),
        a.Status.ToString(),
        new ExportedAddress(a.AddressLine1, a.AddressLine2, a.Town, a.Postcode),
        a.AccessNotes,
        a.DeclineReason,
        a.CreatedUtc,
        a.Intake is not { } i ? null : new ExportedIntake(
            i.MainComplaint,
            [.. IntakeLabels.Describe(i.PainAreas, IntakeLabels.Areas)],
            i.PainIntensity,
            IntakeLabels.Durations.GetValueOrDefault(i.Duration, i.Duration.ToString()),
            [.. IntakeLabels.Describe(i.Feelings, IntakeLabels.Feelings)],
            [.. IntakeLabels.Describe(i.Contraindications, IntakeLabels.Contraindications)],
            i.MedicalHistory,
            i.Outcome.ToString(),
            i.HealthDataConsentUtc,
            i.CancellationPolicyAcceptedUtc),
        a.History.OrderBy(e => e.AtUtc).Select(e => new ExportedEvent(e.FromStatus?.ToString(), e.ToStatus.ToString(), e.Actor == BookingService.ClientActor ? "you" : "the practice", e.AtUtc, e.Note)).ToList());
}
