using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The reports page: the period, its figures, the chart and the months as a table.</summary>
public sealed record ReportPage(ReportPeriod Period, PeriodFigures Figures, string ChartSvg, IReadOnlyList<MonthIncome> Months, ReportPeriod PreviousMonth, ReportPeriod NextMonth, TaxYear TaxYear, IReadOnlyList<TaxYear> TaxYears, VoucherFigures Vouchers, IReadOnlyList<CreditFact> Credits);

/// <summary>
/// Reads the facts the figures need for a period: a few range reads on indexed instants (visits by
/// start, payments by when paid), summed in memory. Times are the practice's local days.
/// </summary>
public sealed class ReportsQuery(AppDbContext db, CreditNotes creditNotes, PracticeClock clock)
{
    public async Task<ReportPage> PageAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var figures = FiguresRules.Compute(await VisitsAsync(period, cancellationToken), await PaidAsync(period, cancellationToken), await OwedAsync(period, cancellationToken));
        var chartMonths = period.ChartMonths();
        var from = clock.StartOfDayUtc(chartMonths[0]);
        var to = clock.StartOfDayUtc(chartMonths[^1].AddMonths(1));
        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.PaidUtc >= from && p.PaidUtc < to)
            .Select(p => new { PaidUtc = p.PaidUtc!.Value, p.AmountGbp })
            .ToListAsync(cancellationToken);
        var months = FiguresRules.ByMonth(paid.Select(p => (clock.LocalDay(p.PaidUtc), p.AmountGbp)), chartMonths);
        var month = chartMonths[^1];
        var current = TaxYear.Containing(clock.Today);
        return new ReportPage(period, figures, FiguresRules.IncomeChart(months), months,
            ReportPeriod.Month(month.AddMonths(-1).Year, month.AddMonths(-1).Month),
            ReportPeriod.Month(month.AddMonths(1).Year, month.AddMonths(1).Month),
            TaxYear.Containing(period.First),
            Enumerable.Range(0, 7).Select(i => new TaxYear(current.StartYear - i)).ToList(),
            await VouchersAsync(period, cancellationToken),
            await CreditsAsync(period, cancellationToken));
    }

    /// <summary>The payments made in the period (by the day paid), for income and the accountant's CSV.</summary>
    public async Task<IReadOnlyList<PaidFact>> PaidAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = Range(period);
        var rows = await db.Payments.AsNoTracking()
            .Where(p => p.PaidUtc >= from && p.PaidUtc < to)
            .Select(p => new
            {
                Number = p.ReceiptNumber!.Value,
                PaidUtc = p.PaidUtc!.Value,
                p.Appointment!.StartUtc,
                p.Appointment.Reference,
                p.Appointment.Client!.Name,
                ServiceName = p.Appointment.Service!.Name,
                p.Appointment.DurationMinutes,
                p.Kind,
                p.Method,
                p.AmountGbp,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PaidFact(r.Number, clock.ToLocal(r.PaidUtc), clock.ToLocal(r.StartUtc), r.Reference, r.Name, r.ServiceName, r.DurationMinutes, r.Kind, r.Method, r.AmountGbp)).ToList();
    }

    private async Task<List<VisitFact>> VisitsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = Range(period);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= from && a.StartUtc < to
                && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow || a.CancelledLate))
            .Select(a => new { a.ClientId, a.StartUtc, a.Status, a.CancelledLate })
            .ToListAsync(cancellationToken);
        var clientIds = rows.Where(r => r.Status == AppointmentStatus.Completed).Select(r => r.ClientId).Distinct().ToList();

        // The first visit each client had, and the latest visit each has booked since the period began (any answer but a refusal).
        var firsts = await db.Appointments.AsNoTracking()
            .Where(a => clientIds.Contains(a.ClientId) && a.Status == AppointmentStatus.Completed)
            .GroupBy(a => a.ClientId)
            .Select(g => new { ClientId = g.Key, First = g.Min(a => a.StartUtc) })
            .ToDictionaryAsync(g => g.ClientId, g => g.First, cancellationToken);
        var latest = await db.Appointments.AsNoTracking()
            .Where(a => clientIds.Contains(a.ClientId) && a.StartUtc >= from && a.Status != AppointmentStatus.Declined)
            .GroupBy(a => a.ClientId)
            .Select(g => new { ClientId = g.Key, Last = g.Max(a => a.StartUtc) })
            .ToDictionaryAsync(g => g.ClientId, g => g.Last, cancellationToken);

        return rows.Select(r =>
        {
            var completed = r.Status == AppointmentStatus.Completed;
            return new VisitFact(
                r.ClientId,
                clock.LocalDay(r.StartUtc),
                completed,
                r.Status == AppointmentStatus.NoShow,
                r.CancelledLate,
                completed && firsts.TryGetValue(r.ClientId, out var first) && first == r.StartUtc,
                completed && latest.TryGetValue(r.ClientId, out var last) && last > r.StartUtc);
        }).ToList();
    }

    /// <summary>The credit notes issued in the period (refunds and corrections of receipts), for the page and the CSV.</summary>
    public Task<List<CreditFact>> CreditsAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = Range(period);
        return creditNotes.IssuedAsync(from, to, cancellationToken);
    }

    /// <summary>The vouchers issued in the period (their value) and the uses made of vouchers in it.</summary>
    private async Task<VoucherFigures> VouchersAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = Range(period);
        var sold = await db.Vouchers.AsNoTracking().Where(v => v.IssuedUtc >= from && v.IssuedUtc < to).Select(v => v.ValueGbp).ToListAsync(cancellationToken);
        var redeemed = await db.VoucherRedemptions.AsNoTracking().Where(r => r.RedeemedUtc >= from && r.RedeemedUtc < to).Select(r => r.AmountGbp).ToListAsync(cancellationToken);
        return FiguresRules.Vouchers(sold, redeemed);
    }

    /// <summary>What is still owed for the period's visits.</summary>
    private async Task<List<decimal>> OwedAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = Range(period);
        return await db.Payments.AsNoTracking()
            .Where(p => p.PaidUtc == null && p.Appointment!.StartUtc >= from && p.Appointment.StartUtc < to)
            .Select(p => p.AmountGbp)
            .ToListAsync(cancellationToken);
    }

    private (DateTime From, DateTime To) Range(ReportPeriod period) => (clock.StartOfDayUtc(period.First), clock.StartOfDayUtc(period.End));
}
