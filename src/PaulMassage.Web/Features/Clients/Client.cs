using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Clients;

/// <summary>
/// A person who has asked for a visit. Each e-mail address has at most one record of its own (the
/// one its account links to and Paul's phone bookings use); a booking made without signing in gets
/// a provisional record instead, because typing an address proves nothing: see <see cref="ClientIdentities"/>.
/// </summary>
public class Client
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased e-mail, so "Ann@X.com" and "ann@x.com" are one address; unique among records that are not provisional.</summary>
    public required string NormalizedEmail { get; set; }

    public required string Phone { get; set; }

    /// <summary>The site account, once the client registers with the same e-mail.</summary>
    public string? UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the client's personal data was erased (on request or by the retention rule); null while it is kept.</summary>
    public DateTime? ErasedUtc { get; set; }

    /// <summary>
    /// True for the record of a booking made by someone who has not (yet) shown they control the
    /// e-mail address they gave. It holds that booking only; nothing of any other record is shown
    /// through it, and nothing joins it to another record until Paul links it.
    /// </summary>
    public bool Provisional { get; private set; }

    /// <summary>When the booker opened the one-time link e-mailed to the address and said the booking was theirs.</summary>
    public DateTime? EmailProvenUtc { get; private set; }

    /// <summary>
    /// When the client asked not to be e-mailed for a review (the box on the booking form, or the
    /// link in an invitation); null while invitations may be sent. PECR's soft opt-in needs both.
    /// </summary>
    public DateTime? NoReviewRequestsUtc { get; private set; }

    /// <summary>When the client stopped the check-ins between visits (the button on a check-in's page); null while they are sent.</summary>
    public DateTime? NoCheckInsUtc { get; private set; }

    public List<Appointment> Appointments { get; } = [];

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>The record of a booking made without signing in: provisional until the address is proven or Paul links it.</summary>
    public static Client ForUnprovenBooking(string name, string email, string phone, DateTime nowUtc) => New(name, email, phone, nowUtc, provisional: true);

    /// <summary>The address's own record, made by someone who has shown they control the address (an account) or by Paul.</summary>
    public static Client ForAddress(string name, string email, string phone, DateTime nowUtc) => New(name, email, phone, nowUtc, provisional: false);

    private static Client New(string name, string email, string phone, DateTime nowUtc, bool provisional) => new()
    {
        Name = name,
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        Phone = phone,
        CreatedUtc = nowUtc,
        Provisional = provisional,
    };

    /// <summary>The client does not want to be asked for reviews; the first time they said so is kept.</summary>
    public void StopReviewRequests(DateTime atUtc) => NoReviewRequestsUtc ??= atUtc;

    /// <summary>The client does not want check-ins between visits; the first time they said so is kept.</summary>
    public void StopCheckIns(DateTime atUtc) => NoCheckInsUtc ??= atUtc;

    /// <summary>The booker showed they control the address (the one-time link in the e-mail).</summary>
    public void RecordEmailProven(DateTime atUtc) => EmailProvenUtc ??= atUtc;

    /// <summary>
    /// The provisional record becomes the address's own record: when its booker proved the address
    /// and no other record holds it, or when Paul says so.
    /// </summary>
    public void BecomeAddressRecord() => Provisional = false;
}
