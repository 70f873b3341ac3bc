using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A receipt ready to download.</summary>
public sealed record ReceiptFile(byte[] Pdf, string FileName);

/// <summary>
/// Receipts as PDFs, for whoever may have them: the therapist (any), a signed-in client (those of
/// their own client records), the holder of a live manage link (that booking's). Anything else finds nothing.
/// </summary>
public sealed class Receipts(ClientAccounts accounts, VisitPayments payments, PaymentTerms terms, SitePages pages, ManageLinkAccess links, IOptions<PracticeOptions> practice, PracticeClock clock)
{
    /// <summary>The therapist's copy of any receipt.</summary>
    public async Task<ReceiptFile?> ForTherapistAsync(int number, CancellationToken cancellationToken = default) =>
        await payments.ReceiptAsync(number, cancellationToken) is { } receipt ? await FileAsync(receipt, cancellationToken) : null;

    /// <summary>A receipt of one of the signed-in client's own records; null for anyone else's.</summary>
    public async Task<ReceiptFile?> ForAccountAsync(string userId, int number, CancellationToken cancellationToken = default)
    {
        var receipt = await payments.ReceiptAsync(number, cancellationToken);
        if (receipt is null || !(await accounts.OwnRecordIdsAsync(userId, cancellationToken)).Contains(receipt.ClientId))
        {
            return null;
        }

        return await FileAsync(receipt, cancellationToken);
    }

    /// <summary>The receipt of the booking behind a live manage link; null when the link finds nothing or the visit has no receipt.</summary>
    public async Task<ReceiptFile?> ForManageLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await links.FindAsync(token, cancellationToken: cancellationToken);
        return appointment is not null && await payments.ReceiptForVisitAsync(appointment.Id, cancellationToken) is { } receipt
            ? await FileAsync(receipt, cancellationToken)
            : null;
    }

    private async Task<ReceiptFile> FileAsync(ReceiptFacts receipt, CancellationToken cancellationToken)
    {
        var options = practice.Value;
        var settings = await terms.SettingsAsync(cancellationToken);
        var issuer = new ReceiptIssuer(options.Name, settings.ReceiptAddress, options.Phone, options.Email, options.TherapistName,
            await pages.CredentialsAsync(cancellationToken), settings);
        var copy = ReceiptDocument.IsCopy(receipt, clock.Today);
        var pdf = ReceiptDocument.Create(receipt, issuer, copy);
        return new ReceiptFile(pdf, $"receipt-{PaymentRules.ReceiptLabel(receipt.Number)}{(copy ? "-copy" : null)}.pdf");
    }
}
