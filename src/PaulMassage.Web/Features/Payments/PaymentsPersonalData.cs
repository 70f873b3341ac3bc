using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Payments;

/// <summary>
/// Payments in the client's data export. Erasure keeps them: UK tax law asks for the practice's
/// records of income for years after the tax year (<see cref="PaymentSettings.KeepYearsAfterTaxYear"/>).
/// A payment holds no name, address or health data of its own; it points at the visit, whose client
/// record erasure anonymises, so receipts and reports then say "Erased client" and the figures stay.
/// </summary>
public sealed class PaymentsPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "payments";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = scope.AppointmentIds;
        var rows = await db.Payments.AsNoTracking()
            .Where(p => ids.Contains(p.AppointmentId))
            .OrderBy(p => p.RecordedUtc)
            .Select(p => new { p.Appointment!.Reference, p.AppointmentId, p.Kind, p.AmountGbp, p.VoucherGbp, p.Method, p.RecordedUtc, p.PaidUtc, p.ReceiptNumber })
            .ToListAsync(cancellationToken);

        // The gift vouchers given for these visits: the code and what it paid (not who bought it: that is the buyer's data).
        var vouchers = await db.VoucherHolds.AsNoTracking().Where(h => ids.Contains(h.AppointmentId))
            .Select(h => new { h.AppointmentId, h.Voucher!.Code })
            .Union(db.VoucherRedemptions.AsNoTracking().Where(r => r.AppointmentId != null && ids.Contains(r.AppointmentId.Value))
                .Select(r => new { AppointmentId = r.AppointmentId!.Value, r.Voucher!.Code }))
            .ToListAsync(cancellationToken);
        return rows.Select(p => new
        {
            reference = p.Reference,
            giftVoucher = vouchers.FirstOrDefault(v => v.AppointmentId == p.AppointmentId)?.Code,
            paidByVoucherGbp = p.VoucherGbp,
            forWhat = PaymentRules.KindName(p.Kind),
            amountGbp = p.AmountGbp,
            paidBy = p.PaidUtc is null ? null : PaymentRules.Name(p.Method),
            recordedUtc = p.RecordedUtc,
            paidUtc = p.PaidUtc,
            receipt = p.ReceiptNumber is int n ? PaymentRules.ReceiptLabel(n) : null,
        }).ToList();
    }

    /// <summary>Nothing to remove: the figures are kept, and the name on them goes with the client record's.</summary>
    public Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class PaymentServices
{
    /// <summary>Payment settings, payments at the visit, receipts, the month in figures.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddScoped<PaymentTerms>();
        services.AddScoped<VisitPayments>();
        services.AddScoped<Receipts>();
        services.AddScoped<ReportsQuery>();
        services.AddScoped<Vouchers>();
        services.AddScoped<Packages>();
        services.AddScoped<CreditNotes>();
        services.AddScoped<IPersonalDataHandler, PaymentsPersonalData>();
        return services;
    }
}
