using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A credit note as the reports, the CSV and the visit show it.</summary>
public sealed record CreditFact(int Number, DateTimeOffset LocalIssued, int ReceiptNumber, DateTimeOffset LocalVisit, string Reference, string ClientName, string ServiceName, int DurationMinutes, PaymentMethods Method, decimal AmountGbp, string Reason);

/// <summary>What the credit-note form needs to know about the receipt it corrects.</summary>
public sealed record CreditableReceipt(int ReceiptNumber, int AppointmentId, string Reference, string ClientName, decimal PaidGbp, decimal CreditedGbp, IReadOnlyList<CreditFact> Notes)
{
    public decimal Left => PaidGbp - CreditedGbp;
}

public sealed class CreditNoteForm
{
    public string? Amount { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// Credit notes: a receipt, once issued, is never edited; a refund or a correction is a credit note
/// with its own number (one sequence, no gaps, like the receipts') that names the receipt.
/// </summary>
public sealed class CreditNotes(AppDbContext db, PracticeClock clock, ILogger<CreditNotes> logger)
{
    /// <summary>The receipt and the credit notes already issued against it; null when there is no such receipt.</summary>
    public async Task<CreditableReceipt?> ReceiptAsync(int receiptNumber, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.AsNoTracking().Where(p => p.ReceiptNumber == receiptNumber)
            .Select(p => new { p.Id, p.AppointmentId, p.Appointment!.Reference, p.Appointment.Client!.Name, Paid = p.AmountGbp + p.VoucherGbp })
            .SingleOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            return null;
        }

        var notes = await FactsAsync(db.CreditNotes.Where(c => c.PaymentId == payment.Id), cancellationToken);
        return new CreditableReceipt(receiptNumber, payment.AppointmentId, payment.Reference, payment.Name, payment.Paid, notes.Sum(n => n.AmountGbp), notes);
    }

    /// <summary>Issues a credit note against a receipt: its number, or the messages beside the fields.</summary>
    public async Task<(int? Number, IReadOnlyList<FieldError> Errors)> IssueAsync(int receiptNumber, CreditNoteForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var receipt = await ReceiptAsync(receiptNumber, cancellationToken);
        if (receipt is null)
        {
            return (null, [new FieldError(nameof(CreditNoteForm.Amount), "There is no such receipt.")]);
        }

        var (amount, errors) = PaymentRules.CheckCreditNote(form.Amount, form.Reason, receipt.Left);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var paymentId = await db.Payments.Where(p => p.ReceiptNumber == receiptNumber).Select(p => p.Id).SingleAsync(cancellationToken);
        var number = (await db.CreditNotes.MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0) + 1;
        db.CreditNotes.Add(new CreditNote { Number = number, PaymentId = paymentId, AmountGbp = amount!.Value, Reason = form.Reason!.Trim(), IssuedUtc = clock.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Credit note {CreditNote} issued against receipt {Receipt}", number, receiptNumber);
        return (number, []);
    }

    /// <summary>The credit notes issued in [from, to), for the reports and the CSV.</summary>
    public Task<List<CreditFact>> IssuedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        FactsAsync(db.CreditNotes.Where(c => c.IssuedUtc >= fromUtc && c.IssuedUtc < toUtc), cancellationToken);

    private async Task<List<CreditFact>> FactsAsync(IQueryable<CreditNote> notes, CancellationToken cancellationToken)
    {
        var rows = await notes.AsNoTracking().OrderBy(c => c.Number)
            .Select(c => new
            {
                c.Number,
                c.IssuedUtc,
                ReceiptNumber = c.Payment!.ReceiptNumber!.Value,
                c.Payment.Appointment!.StartUtc,
                c.Payment.Appointment.Reference,
                c.Payment.Appointment.Client!.Name,
                ServiceName = c.Payment.Appointment.Service!.Name,
                c.Payment.Appointment.DurationMinutes,
                c.Payment.Method,
                c.AmountGbp,
                c.Reason,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CreditFact(r.Number, clock.ToLocal(r.IssuedUtc), r.ReceiptNumber, clock.ToLocal(r.StartUtc), r.Reference, r.Name, r.ServiceName, r.DurationMinutes, r.Method, r.AmountGbp, r.Reason)).ToList();
    }
}
