using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The month in figures (or a UK tax year), and the paid visits as CSV for the accountant.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/reports")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReportsController(ReportsQuery reports, PracticeClock clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? month, [FromQuery] int? taxYear, CancellationToken cancellationToken) =>
        View("Reports", await reports.PageAsync(Period(month, taxYear), cancellationToken));

    [HttpGet("paid.csv")]
    public async Task<IActionResult> Csv([FromQuery] string? month, [FromQuery] int? taxYear, CancellationToken cancellationToken)
    {
        var period = Period(month, taxYear);
        var csv = FiguresRules.Csv(await reports.PaidAsync(period, cancellationToken), await reports.CreditsAsync(period, cancellationToken));
        var name = taxYear is not null ? $"paid-visits-tax-year-{period.First.Year}-{(period.First.Year + 1) % 100:00}.csv" : $"paid-visits-{period.First:yyyy-MM}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>The tax year asked for, else the month asked for, else this month.</summary>
    private ReportPeriod Period(string? month, int? taxYear) =>
        taxYear is >= 2000 and <= 2100 ? ReportPeriod.Of(new TaxYear(taxYear.Value))
        : ReportPeriod.ParseMonth(month) ?? ReportPeriod.Month(clock.Today.Year, clock.Today.Month);
}
