using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Builds the client's manage link. The token is stored twice: hashed (to find the booking when the
/// link is opened) and encrypted with Data Protection (so e-mails sent later can carry the link).
/// The Data Protection keys live in the same database, encrypted with a certificate kept outside it
/// (DataProtection:CertificatePath, required outside Development; see docs/security.md), so a copy of
/// the database alone gives no link away. Erasure clears the stored token (<see cref="Appointment.RevokeManageToken"/>).
/// </summary>
public sealed class ManageLinks(IDataProtectionProvider dataProtection, IOptions<PracticeOptions> practice)
{
    public const string Purpose = "PaulMassage.Booking.ManageLink.v1";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A new visit's random reference and manage-link token, the token also encrypted for later e-mails.</summary>
    public VisitKeys NewKeys()
    {
        var token = ManageToken.Create();
        return new VisitKeys(ManageToken.CreateReference(), token, protector.Protect(token));
    }

    /// <summary>The receipt of the visit behind a manage link (see the Payments feature), or null without a link.</summary>
    public static string? ReceiptUrl(string? manageUrl) => manageUrl is null ? null : manageUrl + "/receipt";

    /// <summary>The plan given at the visit behind a manage link (see the Plans feature), or null without a link.</summary>
    public static string? PlanUrl(string? manageUrl) => manageUrl is null ? null : manageUrl + "/plan";

    public string UrlFor(string token) => practice.Value.BaseUrl.TrimEnd('/') + ManageToken.ManagePath(token);

    /// <summary>The link that manages a course or repeating series (<see cref="VisitSeries"/>).</summary>
    public string SeriesUrlFor(string token) => practice.Value.BaseUrl.TrimEnd('/') + VisitSeries.ManagePath(token);

    /// <summary>
    /// The link of a stored visit, or null when it cannot be rebuilt (no stored token, or a key ring
    /// that no longer holds its key); e-mails then ask the client to get in touch instead.
    /// </summary>
    public string? TryUrlFor(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (string.IsNullOrEmpty(appointment.ManageTokenProtected))
        {
            return null;
        }

        try
        {
            var token = protector.Unprotect(appointment.ManageTokenProtected);
            return ManageToken.Hash(token) == appointment.ManageTokenHash ? UrlFor(token) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
