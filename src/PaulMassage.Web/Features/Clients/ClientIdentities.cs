using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Clients;

/// <summary>Who is making a booking, as far as the site can tell.</summary>
public abstract record Booker
{
    private Booker()
    {
    }

    /// <summary>Not signed in: the e-mail address was typed, which proves nothing.</summary>
    public sealed record Anonymous : Booker;

    /// <summary>Signed in to an account whose address is confirmed: the booking uses that address, not a typed one.</summary>
    public sealed record Account(string UserId, string Email) : Booker;

    /// <summary>Paul entering a booking he arranged himself (on the phone): trusted.</summary>
    public sealed record Therapist : Booker;
}

/// <summary>A contact detail shown side by side when Paul links a booking to a client's record.</summary>
public sealed record ContactChoice(string Field, string OnRecord, string FromBooking)
{
    /// <summary>Letter case and spaces aside ("07700 900123" is "07700900123").</summary>
    public bool Differs => !string.Equals(Compact(OnRecord), Compact(FromBooking), StringComparison.OrdinalIgnoreCase);

    private static string Compact(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>Which contact details Paul keeps when he links a booking's record to a client's record.</summary>
public sealed record KeepDetails(bool NameFromBooking, bool PhoneFromBooking);

public enum LinkOutcome
{
    Linked,

    /// <summary>No address record matches, so Paul made this one the address's own.</summary>
    Adopted,

    NotFound,

    /// <summary>The record is not provisional (already linked or adopted), the target is not the address's record, or the address's owner disowned the booking.</summary>
    NothingToLink,
}

/// <summary>
/// The one rule for which client record a booking belongs to. Knowing an e-mail address is no proof
/// of being its owner, so a booking made without signing in gets a provisional record of its own and
/// changes nothing in anybody else's. Proving control of the address (signing in to a confirmed
/// account, or the one-time link e-mailed to it) makes a record the address's own when none exists,
/// or joins it to the address's record when its name and phone are the ones on record; anything
/// else is Paul's call (<see cref="LinkAsync"/>). Paul's own bookings are trusted. An account links
/// to the address's own record only, never to a provisional one.
/// See docs/adr/0005-provisional-client-records.md.
/// </summary>
public sealed class ClientIdentities(AppDbContext db, PracticeClock clock, ILogger<ClientIdentities> logger)
{
    /// <summary>The address's own record (not provisional), if there is one.</summary>
    public Task<Client?> AddressRecordAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = Client.Normalize(email);
        return db.Clients.SingleOrDefaultAsync(c => c.NormalizedEmail == normalized && !c.Provisional, cancellationToken);
    }

    /// <summary>
    /// Links the address's own record to an account whose address is now confirmed. Provisional
    /// records stay apart: their booker may not be the account's owner.
    /// </summary>
    public Task<int> LinkAccountAsync(string userId, string confirmedEmail, CancellationToken cancellationToken = default)
    {
        var normalized = Client.Normalize(confirmedEmail);
        return db.Clients
            .Where(c => c.NormalizedEmail == normalized && c.UserId == null && !c.Provisional)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UserId, userId), cancellationToken);
    }

    /// <summary>
    /// An address's record that no account holds joins the confirmed account of its address, as
    /// <see cref="LinkAccountAsync"/> links it when the address is proven (confirmation, sign-in):
    /// for a record made or adopted while the account's owner may be signed in, whose pages only
    /// read. Never a provisional record. The caller saves.
    /// </summary>
    private async Task JoinConfirmedAccountAsync(Client client, CancellationToken cancellationToken)
    {
        if (!client.Provisional && client.UserId is null && await ConfirmedAccountAsync(client.NormalizedEmail, cancellationToken) is { } account)
        {
            client.UserId = account;
        }
    }

    /// <summary>The account whose address is this one and confirmed, if any.</summary>
    private Task<string?> ConfirmedAccountAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.NormalizedEmail == normalizedEmail && u.EmailConfirmed).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The client records linked to an account: what its signed-in pages may show. Only records the
    /// account was linked to (<see cref="LinkAccountAsync"/>), never one found by its e-mail address,
    /// so a stranger's booking made with the address stays apart.
    /// </summary>
    public async Task<IReadOnlyList<AccountRecord>> AccountRecordsAsync(string userId, CancellationToken cancellationToken = default) =>
        await OfAccount(db.Clients.AsNoTracking(), userId)
            .Select(c => new AccountRecord(c.Id, c.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The ids alone of <see cref="AccountRecordsAsync"/>, in one query: what a page checks a visit or receipt against.</summary>
    public async Task<IReadOnlyList<int>> AccountRecordIdsAsync(string userId, CancellationToken cancellationToken = default) =>
        await OfAccount(db.Clients.AsNoTracking(), userId)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The records linked to an account, oldest first: the one predicate for an account's records.
    /// Never a provisional record: its booker did not prove the address, so it is not the account
    /// owner's even if it carries their address. None for an account that no longer exists.
    /// </summary>
    private IQueryable<Client> OfAccount(IQueryable<Client> clients, string userId) =>
        clients.Where(c => c.UserId == userId && !c.Provisional && db.Users.Any(u => u.Id == userId)).OrderBy(c => c.Id);

    /// <summary>
    /// What a booking form can fill in from a record: the address's own record for Paul's phone
    /// booking, the account's own record for a signed-in client (never a record found by a typed
    /// address, which proves nothing).
    /// </summary>
    public async Task<ClientLookup?> LookUpAsync(Booker booker, string? email, CancellationToken cancellationToken = default)
    {
        var client = booker switch
        {
            Booker.Account account => await OfAccount(db.Clients.AsNoTracking(), account.UserId).FirstOrDefaultAsync(cancellationToken),
            Booker.Therapist when !string.IsNullOrWhiteSpace(email) => await AddressRecordAsync(email, cancellationToken),
            _ => null,
        };
        return client is null ? null : await LookUpAsync(client, cancellationToken);
    }

    /// <summary>
    /// Paul's "book again" from a client's record or his day agenda. Only an address's own record:
    /// a phone booking goes to the record of its e-mail address, so a provisional record (whose
    /// booker may not own the address) is linked or adopted first.
    /// </summary>
    public async Task<ClientLookup?> LookUpForTherapistAsync(int clientId, CancellationToken cancellationToken = default) =>
        await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && !c.Provisional, cancellationToken) is { } client
            ? await LookUpAsync(client, cancellationToken)
            : null;

    /// <summary>
    /// The record's contact details, the latest visit's address, treatment and length, and the
    /// answers of the latest intake (health data: only for the therapist and the record's own account).
    /// </summary>
    private async Task<ClientLookup> LookUpAsync(Client client, CancellationToken cancellationToken)
    {
        var last = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == client.Id && a.AddressLine1 != string.Empty)
            .OrderByDescending(a => a.StartUtc)
            .Select(a => new { a.AddressLine1, a.AddressLine2, a.Town, a.Postcode, a.AccessNotes, ServiceSlug = a.Service!.Slug, a.DurationMinutes })
            .FirstOrDefaultAsync(cancellationToken);
        var intake = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == client.Id && a.Intake != null)
            .OrderByDescending(a => a.CreatedUtc)
            .Select(a => new { a.StartUtc, a.Intake })
            .FirstOrDefaultAsync(cancellationToken);
        return new ClientLookup(client.Name, client.Phone, last?.AddressLine1, last?.AddressLine2, last?.Town, last?.Postcode, last?.AccessNotes)
        {
            ClientId = client.Id,
            Email = client.Email,
            LastServiceSlug = last?.ServiceSlug,
            LastMinutes = last?.DurationMinutes,
            LastIntake = intake?.Intake is { } i
                ? new IntakeDetails(i.MainComplaint, i.PainAreas, i.PainIntensity, i.Duration, i.Feelings, i.Contraindications, i.MedicalHistory, RedFlag.None)
                : null,
            LastIntakeVisitUtc = intake?.StartUtc,
        };
    }

    /// <summary>
    /// The record a new booking belongs to, added to the unit of work (the caller saves). Null only
    /// for Paul's booking of a new address without a name or phone, which a new record needs.
    /// </summary>
    public async Task<Client?> ForBookingAsync(Booker booker, string email, string name, string phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booker);
        var now = clock.UtcNow;
        switch (booker)
        {
            case Booker.Account account:
            {
                // The account proved the address, so the address's record is its own (even if an
                // account that used to have this address was linked to it before).
                var client = await OfAccount(db.Clients, account.UserId).FirstOrDefaultAsync(cancellationToken)
                    ?? await AddressRecordAsync(account.Email, cancellationToken);
                if (client is null)
                {
                    client = Client.ForAddress(name, account.Email, phone, now);
                    db.Clients.Add(client);
                }

                // The owner, signed in, changes their own details: that is not a silent change.
                client.UserId = account.UserId;
                client.Name = name;
                client.Phone = phone;
                return client;
            }

            case Booker.Therapist:
            {
                var client = await AddressRecordAsync(email, cancellationToken);
                if (client is null)
                {
                    if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(phone))
                    {
                        return null;
                    }

                    client = Client.ForAddress(name.Trim(), email, phone.Trim(), now);
                    db.Clients.Add(client);
                }
                else
                {
                    // Paul typed these himself; a blank field keeps what is on record.
                    client.Name = string.IsNullOrWhiteSpace(name) ? client.Name : name.Trim();
                    client.Phone = string.IsNullOrWhiteSpace(phone) ? client.Phone : phone.Trim();
                }

                // A record Paul makes for the address of a confirmed account is that account's at once.
                await JoinConfirmedAccountAsync(client, cancellationToken);
                return client;
            }

            default:
            {
                var client = Client.ForUnprovenBooking(name, email, phone, now);
                db.Clients.Add(client);
                return client;
            }
        }
    }

    /// <summary>
    /// The booker proved control of the address. A provisional record becomes the address's own
    /// when none exists yet (and joins a confirmed account of that address); when one exists, it
    /// joins it if the booking's name and phone are the ones on record, and otherwise stays apart,
    /// marked as proven, for Paul to choose which details to keep. The caller saves.
    /// </summary>
    public async Task ProveAddressAsync(Client client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.RecordEmailProven(clock.UtcNow);
        if (!client.Provisional)
        {
            return;
        }

        if (await AddressRecordAsync(client.Email, cancellationToken) is { } record)
        {
            if (!Differences(record, client).Any(d => d.Differs))
            {
                await JoinAsync(client, record, new KeepDetails(false, false), cancellationToken);
            }

            return;
        }

        client.BecomeAddressRecord();
        var account = await ConfirmedAccountAsync(client.NormalizedEmail, cancellationToken);
        if (account is not null && !await db.Clients.AnyAsync(c => c.UserId == account, cancellationToken))
        {
            client.UserId = account;
        }
    }

    /// <summary>
    /// What Paul sees beside a provisional record: the address's own record, and its contact
    /// details side by side with the booking's. Null when there is nothing to link.
    /// </summary>
    public async Task<AddressMatch?> MatchAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || !client.Provisional)
        {
            return null;
        }

        var record = await db.Clients.AsNoTracking()
            .Where(c => c.NormalizedEmail == client.NormalizedEmail && !c.Provisional)
            .Select(c => new { Client = c, Visits = c.Appointments.Count })
            .SingleOrDefaultAsync(cancellationToken);
        var disowned = await db.Appointments.AnyAsync(a => a.ClientId == client.Id && a.DisownedUtc != null, cancellationToken);
        return new AddressMatch(
            client.Id,
            client.EmailProvenUtc is not null,
            disowned,
            record?.Client.Id,
            record?.Visits ?? 0,
            record is null ? [] : Differences(record.Client, client));
    }

    /// <summary>
    /// Paul links a provisional record to the address's own record: its visits, courses and
    /// requests move there, the contact details he chose are kept, and the provisional record goes.
    /// When no record holds the address, the provisional one becomes it. Saves.
    /// </summary>
    public async Task<LinkOutcome> LinkAsync(int provisionalId, int? addressRecordId, KeepDetails keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var provisional = await db.Clients.SingleOrDefaultAsync(c => c.Id == provisionalId, cancellationToken);
        if (provisional is null)
        {
            return LinkOutcome.NotFound;
        }

        // The address's owner said the booking was not theirs: it never joins their address.
        if (!provisional.Provisional || await db.Appointments.AnyAsync(a => a.ClientId == provisional.Id && a.DisownedUtc != null, cancellationToken))
        {
            return LinkOutcome.NothingToLink;
        }

        var record = await AddressRecordAsync(provisional.Email, cancellationToken);
        if (record is null)
        {
            if (addressRecordId is not null)
            {
                return LinkOutcome.NothingToLink;
            }

            provisional.BecomeAddressRecord();
            await JoinConfirmedAccountAsync(provisional, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Client record {ClientId} made the address's own record by the therapist", provisional.Id);
            return LinkOutcome.Adopted;
        }

        if (record.Id != addressRecordId)
        {
            return LinkOutcome.NothingToLink; // the page Paul looked at is out of date
        }

        await JoinAsync(provisional, record, keep, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Client record {ClientId} linked into {RecordId} by the therapist", provisionalId, record.Id);
        return LinkOutcome.Linked;
    }

    private static IReadOnlyList<ContactChoice> Differences(Client record, Client provisional) =>
        [new ContactChoice("Name", record.Name, provisional.Name), new ContactChoice("Phone", record.Phone, provisional.Phone)];

    /// <summary>
    /// Moves everything of a provisional record (visits, courses, erasure requests, plans, check-ins,
    /// a refusal of review requests) to the address's record, keeps the chosen details and removes
    /// the provisional record, in the unit of work.
    /// </summary>
    private async Task JoinAsync(Client provisional, Client record, KeepDetails keep, CancellationToken cancellationToken)
    {
        foreach (var appointment in await db.Appointments.Where(a => a.ClientId == provisional.Id).ToListAsync(cancellationToken))
        {
            appointment.MoveToClient(record);
        }

        foreach (var course in await db.Courses.Where(c => c.ClientId == provisional.Id).ToListAsync(cancellationToken))
        {
            course.ClientId = record.Id;
        }

        foreach (var request in await db.Set<ErasureRequest>().Where(r => r.ClientId == provisional.Id).ToListAsync(cancellationToken))
        {
            request.ClientId = record.Id;
        }

        // A plan or check-in of a moved visit belongs to the record the visit now belongs to.
        foreach (var plan in await db.CarePlans.Where(p => p.ClientId == provisional.Id).ToListAsync(cancellationToken))
        {
            plan.MoveToClient(record.Id);
        }

        foreach (var checkIn in await db.CheckIns.Where(c => c.ClientId == provisional.Id).ToListAsync(cancellationToken))
        {
            checkIn.MoveToClient(record.Id);
        }

        // Once the booking is known to be the owner's, a refusal given with it is the owner's too:
        // review requests count per record, so it would otherwise go with the removed record.
        if (provisional.NoReviewRequestsUtc is { } refused)
        {
            record.StopReviewRequests(refused);
        }

        record.Name = keep.NameFromBooking ? provisional.Name : record.Name;
        record.Phone = keep.PhoneFromBooking ? provisional.Phone : record.Phone;
        db.Clients.Remove(provisional);
    }
}

/// <summary>A client record of an account.</summary>
public sealed record AccountRecord(int Id, string Name);

/// <summary>What a booking form can fill in for someone already known.</summary>
public sealed record ClientLookup(string Name, string Phone, string? AddressLine1, string? AddressLine2, string? Town, string? Postcode, string? AccessNotes)
{
    public int ClientId { get; init; }

    public string Email { get; init; } = string.Empty;

    /// <summary>The treatment and length of the latest visit, for Paul's "book again".</summary>
    public string? LastServiceSlug { get; init; }

    public int? LastMinutes { get; init; }

    /// <summary>
    /// The latest intake's answers, to offer "same as last time". Its red flags are None because
    /// they are never stored: health can change, so they are asked afresh on every booking.
    /// </summary>
    public IntakeDetails? LastIntake { get; init; }

    /// <summary>The start of the visit <see cref="LastIntake"/> was given for.</summary>
    public DateTime? LastIntakeVisitUtc { get; init; }
}

/// <summary>A provisional record beside the address's own record (if any), for Paul to decide.</summary>
public sealed record AddressMatch(int ClientId, bool EmailProven, bool Disowned, int? AddressRecordId, int AddressRecordVisits, IReadOnlyList<ContactChoice> Details);
