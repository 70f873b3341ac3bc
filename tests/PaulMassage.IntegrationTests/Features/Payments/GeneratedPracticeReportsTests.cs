extern alias DataGenerator;

using System.Globalization;
using DataGenerator::PaulMassage.DataGenerator;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>
/// The reports of a practice made by the data generator (as scripts/bench.sh makes its databases),
/// checked against the totals the generator added up as it made the rows: every month and every
/// tax year, as the therapist sees them on /admin/reports.
/// </summary>
public sealed class TheReportsOfAGeneratedPractice : IDisposable
{
    /// <summary>The size: a few seconds to generate, well under a minute to read every month of.</summary>
    private const int Appointments = 10_000;

    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task every_month_and_tax_year_shows_the_income_by_method_visits_no_shows_late_cancellations_and_owed_the_generator_made()
    {
        var path = PracticeDatabase.TotalsPath(factory.DatabasePath);
        await PracticeDatabase.FillAsync(factory.Services, new GeneratorSettings(Appointments, Seed: 20270301, PastYears: 10), path);
        var totals = GeneratedTotals.FromJson(await File.ReadAllTextAsync(path));

        // The generator made every kind of figure the comparison is about.
        var all = totals.TaxYears.Values;
        Assert.All(new[] { "Cash", "Card", "BankTransfer" }, method => Assert.True(all.Sum(y => y.IncomeByMethod.GetValueOrDefault(method)) > 0, method));
        Assert.True(all.Sum(y => y.VisitsGiven) > Appointments / 2);
        Assert.True(all.Sum(y => y.NoShows) > 0);
        Assert.True(all.Sum(y => y.LateCancellations) > 0);
        Assert.True(all.Sum(y => y.OwedCount) > 0);

        using var paul = await factory.TherapistAsync();
        var first = DateOnly.ParseExact(totals.Months.Keys.First() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(totals.Months.Keys.Last() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var key = GeneratedTotals.MonthKey(month);
            await AssertShowsAsync(paul, $"/admin/reports?month={key}", totals.Months.GetValueOrDefault(key) ?? new PeriodTotals());
        }

        foreach (var (label, year) in totals.TaxYears)
        {
            var startYear = int.Parse(label[..4], CultureInfo.InvariantCulture);
            Assert.Equal(label, new TaxYear(startYear).Label);
            await AssertShowsAsync(paul, $"/admin/reports?taxYear={startYear}", year);
        }
    }

    private static async Task AssertShowsAsync(HttpClient paul, string path, PeriodTotals expected)
    {
        var page = Html.Parse(await paul.GetStringAsync(path));
        string Figure(string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"{path} has no {selector}");
        var shown = new
        {
            Income = Figure("#income-heading"),
            Cash = Figure("#income-Cash td:last-child"),
            Card = Figure("#income-Card td:last-child"),
            BankTransfer = Figure("#income-BankTransfer td:last-child"),
            VisitsGiven = Figure("#visits-given"),
            NoShows = Figure("#no-shows"),
            LateCancellations = Figure("#late-cancellations"),
            Owed = Figure("#owed"),
        };
        var generated = new
        {
            Income = "Income: " + Wording.Money(expected.Income),
            Cash = Wording.Money(expected.IncomeByMethod.GetValueOrDefault("Cash")),
            Card = Wording.Money(expected.IncomeByMethod.GetValueOrDefault("Card")),
            BankTransfer = Wording.Money(expected.IncomeByMethod.GetValueOrDefault("BankTransfer")),
            VisitsGiven = expected.VisitsGiven.ToString(CultureInfo.InvariantCulture),
            NoShows = expected.NoShows.ToString(CultureInfo.InvariantCulture),
            LateCancellations = expected.LateCancellations.ToString(CultureInfo.InvariantCulture),
            Owed = Wording.Money(expected.OwedGbp) + (expected.OwedCount > 0 ? $" ({expected.OwedCount})" : string.Empty),
        };
        Assert.True(generated.Equals(shown), $"{path} shows {shown}; the generator made {generated}");
    }
}
