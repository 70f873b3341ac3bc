using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Clients;

/// <summary>A person who has asked for a visit; found again by e-mail when they book again.</summary>
public class Client
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased e-mail, unique, so "Ann@X.com" and "ann@x.com" are one client.</summary>
    public required string NormalizedEmail { get; set; }

    public required string Phone { get; set; }

    /// <summary>The site account, once the client registers with the same e-mail.</summary>
    public string? UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the client's personal data was erased (on request or by the retention rule); null while it is kept.</summary>
    public DateTime? ErasedUtc { get; set; }

    public List<Appointment> Appointments { get; } = [];

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
