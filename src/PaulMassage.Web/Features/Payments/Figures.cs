using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A stretch of days for the reports: a calendar month or a UK tax year, as local dates [First, End).</summary>
public sealed record ReportPeriod(string Label, DateOnly First, DateOnly End, string Query)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static ReportPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first.ToString("MMMM yyyy", British), first, first.AddMonths(1), $"month={first:yyyy-MM}");
    }

    public static ReportPeriod Of(TaxYear year) =>
        new($"tax year {year.Label} (6 April {year.StartYear} to 5 April {year.StartYear + 1})", year.First, year.End, $"taxYear={year.StartYear}");

    /// <summary>"2026-11" as a month; null when it is not one.</summary>
    public static ReportPeriod? ParseMonth(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? Month(day.Year, day.Month)
            : null;

    /// <summary>
    /// The twelve calendar months of the bar chart: for a tax year April to March (the five days of
    /// the next April fall in the next year's first bar), for a month the twelve ending with it.
    /// </summary>
    public IReadOnlyList<DateOnly> ChartMonths()
    {
        var firstMonth = new DateOnly(First.Year, First.Month, 1);
        var start = End > firstMonth.AddMonths(1) ? firstMonth : firstMonth.AddMonths(-11);
        return Enumerable.Range(0, 12).Select(i => start.AddMonths(i)).ToList();
    }
}

/// <summary>A visit in the period, as the figures count it (no names, no health data).</summary>
public sealed record VisitFact(int ClientId, DateOnly Day, bool Completed, bool NoShow, bool CancelledLate, bool FirstCompletedVisitOfClient, bool BookedAgainAfter);

/// <summary>A payment made, for income and the CSV.</summary>
public sealed record PaidFact(int ReceiptNumber, DateTimeOffset LocalPaid, DateTimeOffset LocalVisit, string Reference, string ClientName, string ServiceName, int DurationMinutes, PaymentKind Kind, PaymentMethods Method, decimal AmountGbp);

/// <summary>One bar of the chart.</summary>
public sealed record MonthIncome(DateOnly Month, decimal AmountGbp);

/// <summary>The period's figures.</summary>
public sealed record PeriodFigures(
    IReadOnlyList<(PaymentMethods Method, decimal AmountGbp, int Payments)> IncomeByMethod,
    decimal Income,
    int VisitsGiven,
    int NewClients,
    int ReturningClients,
    int NoShows,
    int LateCancellations,
    decimal RebookingRatePercent,
    decimal OwedGbp,
    int OwedCount);

/// <summary>Gift vouchers in the period: how many were issued and their value, how many uses and what they paid.</summary>
public sealed record VoucherFigures(int Sold, decimal SoldGbp, int Uses, decimal RedeemedGbp);

/// <summary>
/// The month in figures, from plain facts: income by method, visits, new and returning clients,
/// no-shows, late cancellations, rebooking, owed; the income chart (SVG drawn here, no script) and
/// the CSV for the accountant. Pure: no database or web types.
/// </summary>
public static class FiguresRules
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly decimal[] NiceFactors = [1m, 2m, 4m, 5m, 8m, 10m];

    public static PeriodFigures Compute(IReadOnlyCollection<VisitFact> visits, IReadOnlyCollection<PaidFact> paid, IReadOnlyCollection<decimal> owed)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(owed);
        var byMethod = PaymentRules.Methods
            .Select(m => (Method: m, AmountGbp: paid.Where(p => p.Method == m).Sum(p => p.AmountGbp), Payments: paid.Count(p => p.Method == m)))
            .ToList();
        var completed = visits.Where(v => v.Completed).ToList();
        var clients = completed.GroupBy(v => v.ClientId).ToList();
        var newClients = clients.Count(g => g.Any(v => v.FirstCompletedVisitOfClient));
        var rebooked = clients.Count(g => g.OrderBy(v => v.Day).Last().BookedAgainAfter);
        return new PeriodFigures(
            byMethod,
            paid.Sum(p => p.AmountGbp),
            completed.Count,
            newClients,
            clients.Count - newClients,
            visits.Count(v => v.NoShow),
            visits.Count(v => v.CancelledLate),
            clients.Count == 0 ? 0 : decimal.Round(100m * rebooked / clients.Count, 0),
            owed.Sum(),
            owed.Count);
    }

    /// <summary>The vouchers' figures from the values of those issued and the amounts of each use.</summary>
    public static VoucherFigures Vouchers(IReadOnlyCollection<decimal> sold, IReadOnlyCollection<decimal> redeemed)
    {
        ArgumentNullException.ThrowIfNull(sold);
        ArgumentNullException.ThrowIfNull(redeemed);
        return new VoucherFigures(sold.Count, sold.Sum(), redeemed.Count, redeemed.Sum());
    }

    /// <summary>Income per month, for the chart's months (a month with nothing paid is 0).</summary>
    public static IReadOnlyList<MonthIncome> ByMonth(IEnumerable<(DateOnly Day, decimal AmountGbp)> payments, IReadOnlyList<DateOnly> months)
    {
        var totals = payments.GroupBy(p => new DateOnly(p.Day.Year, p.Day.Month, 1)).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountGbp));
        return months.Select(m => new MonthIncome(m, totals.GetValueOrDefault(m))).ToList();
    }

    /// <summary>A bar chart of income by month, as SVG markup with a title and a description; the page puts a table beside it too.</summary>
    public static string IncomeChart(IReadOnlyList<MonthIncome> months, string idPrefix = "income-chart")
    {
        ArgumentNullException.ThrowIfNull(months);
        const double width = 480, height = 220, left = 48, right = 8, top = 12, bottom = 36;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = months.Count == 0 ? 0 : months.Max(m => m.AmountGbp);
        var scale = NiceCeiling(max);
        var summary = DescribeIncome(months);
        var svg = new XElement("svg",
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"), new XAttribute("width", "100%"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc"), new XAttribute("id", idPrefix),
            new XElement("title", new XAttribute("id", idPrefix + "-title"), "Income by month"),
            new XElement("desc", new XAttribute("id", idPrefix + "-desc"), summary));
        for (var i = 0; i <= 4; i++)
        {
            var value = scale * i / 4;
            var y = top + plotHeight - (double)(value / scale) * plotHeight;
            svg.Add(
                new XElement("line", new XAttribute("x1", N(left)), new XAttribute("x2", N(width - right)), new XAttribute("y1", N(y)), new XAttribute("y2", N(y)),
                    new XAttribute("stroke", "#dee2e6"), new XAttribute("stroke-width", "1")),
                new XElement("text", new XAttribute("x", N(left - 4)), new XAttribute("y", N(y + 4)), new XAttribute("text-anchor", "end"),
                    new XAttribute("font-size", "11"), new XAttribute("fill", "#495057"), Wording.Money(value)));
        }

        var slot = months.Count == 0 ? plotWidth : plotWidth / months.Count;
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var barHeight = (double)(m.AmountGbp / scale) * plotHeight;
            var x = left + (i * slot) + (slot * 0.15);
            svg.Add(
                new XElement("rect", new XAttribute("x", N(x)), new XAttribute("y", N(top + plotHeight - barHeight)), new XAttribute("width", N(slot * 0.7)),
                    new XAttribute("height", N(barHeight)), new XAttribute("fill", "#2f6f4f"),
                    new XElement("title", $"{m.Month.ToString("MMMM yyyy", British)}: {Wording.Money(m.AmountGbp)}")),
                new XElement("text", new XAttribute("x", N(left + (i * slot) + (slot / 2))), new XAttribute("y", N(height - bottom + 16)), new XAttribute("text-anchor", "middle"),
                    new XAttribute("font-size", "11"), new XAttribute("fill", "#495057"), m.Month.ToString("MMM", British)));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The chart in one sentence, for screen readers.</summary>
    public static string DescribeIncome(IReadOnlyList<MonthIncome> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0 || months.All(m => m.AmountGbp == 0))
        {
            return "No income recorded in these months.";
        }

        var best = months.MaxBy(m => m.AmountGbp)!;
        return $"Income from {months[0].Month.ToString("MMMM yyyy", British)} to {months[^1].Month.ToString("MMMM yyyy", British)}: {Wording.Money(months.Sum(m => m.AmountGbp))} in all; the highest month was {best.Month.ToString("MMMM yyyy", British)} with {Wording.Money(best.AmountGbp)}.";
    }

    /// <summary>
    /// The paid visits as CSV for the accountant, then the credit notes of the period. Every text cell is quoted, and one that a spreadsheet
    /// would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe.
    /// </summary>
    public static string Csv(IEnumerable<PaidFact> paid, IEnumerable<CreditFact>? credits = null)
    {
        ArgumentNullException.ThrowIfNull(paid);
        var csv = new StringBuilder();
        csv.Append("Receipt,Date paid,Visit date,Reference,Client,Treatment,Minutes,For,Method,Amount (GBP)\r\n");
        foreach (var p in paid.OrderBy(p => p.ReceiptNumber))
        {
            csv.AppendJoin(',',
                Cell(PaymentRules.ReceiptLabel(p.ReceiptNumber)),
                Cell(p.LocalPaid.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Cell(p.LocalVisit.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Cell(p.Reference),
                Cell(p.ClientName),
                Cell(p.ServiceName),
                p.DurationMinutes.ToString(CultureInfo.InvariantCulture),
                Cell(PaymentRules.KindName(p.Kind)),
                Cell(PaymentRules.Name(p.Method)),
                p.AmountGbp.ToString("0.00", CultureInfo.InvariantCulture));
            csv.Append("\r\n");
        }

        // Credit notes after the receipts: the amount in accounting brackets, "(20.00)", which spreadsheets read as negative and no cell then starts with "-".
        foreach (var c in (credits ?? []).OrderBy(c => c.Number))
        {
            csv.AppendJoin(',',
                Cell(PaymentRules.CreditNoteLabel(c.Number)),
                Cell(c.LocalIssued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Cell(c.LocalVisit.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Cell(c.Reference),
                Cell(c.ClientName),
                Cell(c.ServiceName),
                c.DurationMinutes.ToString(CultureInfo.InvariantCulture),
                Cell($"credit note for {PaymentRules.ReceiptLabel(c.ReceiptNumber)}: {c.Reason}"),
                Cell(PaymentRules.Name(c.Method)),
                "(" + c.AmountGbp.ToString("0.00", CultureInfo.InvariantCulture) + ")");
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A quoted CSV cell that no spreadsheet runs as a formula.</summary>
    public static string Cell(string text)
    {
        var value = text ?? string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The top of the scale: the smallest of 1, 2, 4, 5, 8 or 10 times a power of ten that holds the highest bar (so its quarters are round).</summary>
    public static decimal NiceCeiling(decimal max)
    {
        if (max <= 0)
        {
            return 100m;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        return NiceFactors.Select(f => f * magnitude).First(v => v >= max);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
