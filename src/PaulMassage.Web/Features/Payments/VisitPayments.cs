using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>One amount owed, for the owed list and the client's next booking.</summary>
public sealed record OwedRow(int PaymentId, int AppointmentId, string Reference, int ClientId, string ClientName, PaymentKind Kind, decimal AmountGbp, DateTimeOffset LocalVisit, DateTimeOffset LocalRecorded);

/// <summary>A paid visit as its receipt shows it.</summary>
public sealed record ReceiptFacts(
    int Number,
    int PaymentId,
    int AppointmentId,
    int ClientId,
    string ClientName,
    string Reference,
    PaymentKind Kind,
    string ServiceName,
    int DurationMinutes,
    DateTimeOffset LocalVisit,
    decimal AmountGbp,
    PaymentMethods Method,
    DateTimeOffset LocalPaid,
    decimal VoucherGbp = 0m,
    int? PackageVisits = null,
    int? PackageFirstReceipt = null);

/// <summary>The receipts a client may download, newest first.</summary>
public sealed record ReceiptLine(int Number, string Reference, DateTimeOffset LocalVisit, decimal AmountGbp, string Label);

public enum SettleOutcome
{
    Settled,
    NotFound,
    AlreadyPaid,
    MethodNotAccepted,
}

/// <summary>
/// Payments of visits: recorded with the visit's outcome (<see cref="AddAsync"/>, in the caller's
/// unit of work), what is owed, an owed amount paid later, and the facts of each receipt.
/// </summary>
public sealed class VisitPayments(AppDbContext db, PaymentTerms terms, PracticeClock clock, ILogger<VisitPayments> logger)
{
    /// <summary>
    /// Adds the payment of a visit (paid now by <paramref name="method"/>, or owed when None) to
    /// the DbContext; the caller saves it with the visit's change. A paid one takes the next receipt
    /// number: numbers are only ever given inside the save that stores them, so none is lost.
    /// </summary>
    public async Task<Payment> AddAsync(Appointment appointment, PaymentKind kind, decimal amountGbp, PaymentMethods method, decimal voucherGbp = 0m, PackagePurchase? package = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        int? number = Payment.PaidAtOnce(amountGbp, method, voucherGbp, package is not null) ? await NextReceiptNumberAsync(cancellationToken) : null;
        var payment = Payment.Record(appointment.Id, kind, amountGbp, method, number, clock.UtcNow, voucherGbp, package);
        db.Payments.Add(payment);
        return payment;
    }

    /// <summary>The fee the settings charge for a missed visit, added as owed; nothing when there is no fee.</summary>
    public async Task<decimal?> AddFeeAsync(Appointment appointment, PaymentKind kind, CancellationToken cancellationToken = default)
    {
        var fee = PaymentRules.FeeFor(kind, await terms.SettingsAsync(cancellationToken));
        if (fee is decimal amount)
        {
            await AddAsync(appointment, kind, amount, PaymentMethods.None, cancellationToken: cancellationToken);
        }

        return fee;
    }

    /// <summary>Everything owed, oldest first; or one client's.</summary>
    public async Task<IReadOnlyList<OwedRow>> OwedAsync(int? clientId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Payments.AsNoTracking().Where(p => p.PaidUtc == null);
        if (clientId is int id)
        {
            query = query.Where(p => p.Appointment!.ClientId == id);
        }

        var rows = await query
            .OrderBy(p => p.RecordedUtc)
            .Select(p => new { p.Id, p.AppointmentId, p.Appointment!.Reference, p.Appointment.ClientId, p.Appointment.Client!.Name, p.Kind, p.AmountGbp, p.Appointment.StartUtc, p.RecordedUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OwedRow(r.Id, r.AppointmentId, r.Reference, r.ClientId, r.Name, r.Kind, r.AmountGbp, clock.ToLocal(r.StartUtc), clock.ToLocal(r.RecordedUtc))).ToList();
    }

    /// <summary>An owed amount is paid: it gets its method and the next receipt number.</summary>
    public async Task<(SettleOutcome Outcome, int? ReceiptNumber)> SettleAsync(int paymentId, PaymentMethods method, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.Include(p => p.Appointment).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            return (SettleOutcome.NotFound, null);
        }

        if (!payment.IsOwed)
        {
            return (SettleOutcome.AlreadyPaid, payment.ReceiptNumber);
        }

        var settings = await terms.SettingsAsync(cancellationToken);
        if (PaymentRules.CheckVisitPayment(true, method, settings.AcceptedMethods).Count > 0)
        {
            return (SettleOutcome.MethodNotAccepted, null);
        }

        var number = await NextReceiptNumberAsync(cancellationToken);
        payment.Settle(method, number, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payment {PaymentId} for booking {Reference} settled, receipt {Receipt}", payment.Id, payment.Appointment!.Reference, number);
        return (SettleOutcome.Settled, number);
    }

    /// <summary>The visit's payment, if one was recorded.</summary>
    public Task<Payment?> ForVisitAsync(int appointmentId, CancellationToken cancellationToken = default) =>
        db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.AppointmentId == appointmentId, cancellationToken);

    /// <summary>The receipt of one visit's payment; null when it has none (no payment, or still owed).</summary>
    public async Task<ReceiptFacts?> ReceiptForVisitAsync(int appointmentId, CancellationToken cancellationToken = default) =>
        await ReceiptsAsync(db.Payments.Where(p => p.AppointmentId == appointmentId && p.ReceiptNumber != null), cancellationToken) is [var one] ? one : null;

    /// <summary>The receipt with this number; null when there is none.</summary>
    public async Task<ReceiptFacts?> ReceiptAsync(int number, CancellationToken cancellationToken = default) =>
        await ReceiptsAsync(db.Payments.Where(p => p.ReceiptNumber == number), cancellationToken) is [var one] ? one : null;

    /// <summary>The receipts of these client records, newest first (their account lists them).</summary>
    public async Task<IReadOnlyList<ReceiptLine>> ReceiptsForClientsAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken = default)
    {
        var receipts = await ReceiptsAsync(db.Payments.Where(p => p.ReceiptNumber != null && clientIds.Contains(p.Appointment!.ClientId)), cancellationToken);
        return receipts.OrderByDescending(r => r.Number)
            .Select(r => new ReceiptLine(r.Number, r.Reference, r.LocalVisit, r.AmountGbp, PaymentRules.ReceiptLabel(r.Number))).ToList();
    }

    private async Task<List<ReceiptFacts>> ReceiptsAsync(IQueryable<Payment> payments, CancellationToken cancellationToken)
    {
        var rows = await payments.AsNoTracking()
            .Select(p => new
            {
                Number = p.ReceiptNumber!.Value,
                p.Id,
                p.AppointmentId,
                p.Appointment!.ClientId,
                p.Appointment.Client!.Name,
                p.Appointment.Reference,
                p.Kind,
                ServiceName = p.Appointment.Service!.Name,
                p.Appointment.DurationMinutes,
                p.Appointment.StartUtc,
                p.AmountGbp,
                p.Method,
                PaidUtc = p.PaidUtc!.Value,
                p.VoucherGbp,
                PackageVisits = p.Package != null ? p.Package.Visits : (int?)null,
                PackageFirstReceipt = p.PackageId == null ? null : db.Payments.Where(q => q.PackageId == p.PackageId).Min(q => q.ReceiptNumber),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReceiptFacts(r.Number, r.Id, r.AppointmentId, r.ClientId, r.Name, r.Reference, r.Kind, r.ServiceName, r.DurationMinutes,
            clock.ToLocal(r.StartUtc), r.AmountGbp, r.Method, clock.ToLocal(r.PaidUtc), r.VoucherGbp, r.PackageVisits, r.PackageFirstReceipt)).ToList();
    }

    /// <summary>
    /// The next number of the one receipt sequence: one more than the highest given. Read inside the
    /// save that uses it, and the unique index on the number stops two saves at the same moment from
    /// both taking it (the second fails and nothing of it is stored), so the sequence has no gaps.
    /// </summary>
    private async Task<int> NextReceiptNumberAsync(CancellationToken cancellationToken)
    {
        var highest = await db.Payments.MaxAsync(p => p.ReceiptNumber, cancellationToken) ?? 0;
        var pending = db.ChangeTracker.Entries<Payment>().Select(e => e.Entity.ReceiptNumber ?? 0).DefaultIfEmpty(0).Max();
        return Math.Max(highest, pending) + 1;
    }
}
