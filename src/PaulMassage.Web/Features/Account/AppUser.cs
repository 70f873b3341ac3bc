using Microsoft.AspNetCore.Identity;

namespace PaulMassage.Web.Features.Account;

/// <summary>A site account: the therapist, or a client who registered.</summary>
public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>For the therapist: the newest client change he has ticked off on /admin.</summary>
    public DateTime? ClientChangesSeenUtc { get; set; }
}

public static class Roles
{
    public const string Therapist = "Therapist";
    public const string Client = "Client";
}
