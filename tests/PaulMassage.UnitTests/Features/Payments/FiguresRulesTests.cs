using PaulMassage.Web.Features.Payments;

namespace PaulMassage.UnitTests.Features.Payments;

/// <summary>The month in figures from plain facts, the chart and the accountant's CSV.</summary>
public sealed class TheFiguresRules
{
    private static readonly DateOnly Day = new(2027, 3, 2);

    [Fact]
    public void counts_visits_clients_no_shows_late_cancellations_rebooking_income_and_owed()
    {
        VisitFact[] visits =
        [
            new(ClientId: 1, Day, Completed: true, NoShow: false, CancelledLate: false, FirstCompletedVisitOfClient: true, BookedAgainAfter: false),
            new(ClientId: 1, Day.AddDays(7), Completed: true, NoShow: false, CancelledLate: false, FirstCompletedVisitOfClient: false, BookedAgainAfter: true),
            new(ClientId: 2, Day, Completed: true, NoShow: false, CancelledLate: false, FirstCompletedVisitOfClient: false, BookedAgainAfter: false),
            new(ClientId: 3, Day, Completed: false, NoShow: true, CancelledLate: false, FirstCompletedVisitOfClient: false, BookedAgainAfter: false),
            new(ClientId: 4, Day, Completed: false, NoShow: false, CancelledLate: true, FirstCompletedVisitOfClient: false, BookedAgainAfter: false),
        ];
        PaidFact[] paid = [Paid(1, PaymentMethods.Card, 70m), Paid(2, PaymentMethods.Card, 62.50m), Paid(3, PaymentMethods.Cash, 95m)];

        var figures = FiguresRules.Compute(visits, paid, [30m, 20m]);

        Assert.Equal(227.50m, figures.Income);
        Assert.Equal([(PaymentMethods.Cash, 95m, 1), (PaymentMethods.Card, 132.50m, 2), (PaymentMethods.BankTransfer, 0m, 0)], figures.IncomeByMethod);
        Assert.Equal((3, 1, 1, 1, 1), (figures.VisitsGiven, figures.NewClients, figures.ReturningClients, figures.NoShows, figures.LateCancellations));
        Assert.Equal(50m, figures.RebookingRatePercent); // client 1 booked again after their last visit; client 2 has not
        Assert.Equal((50m, 2), (figures.OwedGbp, figures.OwedCount));
    }

    [Fact]
    public void nothing_to_count_is_all_zeros()
    {
        var figures = FiguresRules.Compute([], [], []);
        Assert.Equal((0m, 0, 0m), (figures.Income, figures.VisitsGiven, figures.RebookingRatePercent));
    }

    [Fact]
    public void sums_income_into_the_charts_months_with_empty_months_at_zero()
    {
        var months = ReportPeriod.Month(2027, 3).ChartMonths();
        Assert.Equal(12, months.Count);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 1)), (months[0], months[^1]));
        Assert.Equal(ReportPeriod.Of(new TaxYear(2026)).ChartMonths(), months);

        var income = FiguresRules.ByMonth([(new DateOnly(2027, 3, 2), 70m), (new DateOnly(2027, 3, 31), 30m), (new DateOnly(2026, 12, 24), 95m)], months);

        Assert.Equal(100m, income[^1].AmountGbp);
        Assert.Equal(95m, income.Single(m => m.Month == new DateOnly(2026, 12, 1)).AmountGbp);
        Assert.Equal(10, income.Count(m => m.AmountGbp == 0));
    }

    [Fact]
    public void draws_the_chart_as_svg_with_a_title_a_description_and_one_bar_a_month()
    {
        var months = FiguresRules.ByMonth([(new DateOnly(2027, 3, 2), 1234m)], ReportPeriod.Month(2027, 3).ChartMonths());

        var svg = System.Xml.Linq.XElement.Parse(FiguresRules.IncomeChart(months));

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("Income by month", svg.Element("title")!.Value);
        Assert.Equal("Income from April 2026 to March 2027: £1,234 in all; the highest month was March 2027 with £1,234.", svg.Element("desc")!.Value);
        Assert.Equal(12, svg.Elements("rect").Count());
        Assert.Equal("No income recorded in these months.", FiguresRules.DescribeIncome(FiguresRules.ByMonth([], ReportPeriod.Month(2027, 3).ChartMonths())));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(95, 100)]
    [InlineData(1234, 2000)]
    [InlineData(3100, 4000)]
    [InlineData(5000, 5000)]
    [InlineData(7200, 8000)]
    public void rounds_the_scale_up_to_a_number_whose_quarters_are_round(decimal max, decimal top) =>
        Assert.Equal(top, FiguresRules.NiceCeiling(max));

    [Theory]
    [InlineData("Ann Example", "\"Ann Example\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 7700", "\"'+44 7700\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tTabbed", "\"'\tTabbed\"")]
    public void a_csv_cell_never_starts_a_formula(string text, string cell) =>
        Assert.Equal(cell, FiguresRules.Cell(text));

    [Fact]
    public void the_csv_lists_the_payments_by_receipt_number()
    {
        var csv = FiguresRules.Csv([Paid(2, PaymentMethods.Cash, 95m), Paid(1, PaymentMethods.Card, 62.5m)]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"R-000001\",\"2027-03-02\",\"2027-03-02 10:00\",\"PM-TEST01\",\"Ann Example\",\"Deep tissue massage\",60,\"visit\",\"card\",62.50", lines[1]);
        Assert.StartsWith("\"R-000002\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void reads_a_month_from_the_address_and_ignores_anything_else()
    {
        Assert.Equal(new DateOnly(2027, 3, 1), ReportPeriod.ParseMonth("2027-03")!.First);
        Assert.Equal("month=2027-03", ReportPeriod.ParseMonth("2027-03")!.Query);
        Assert.Null(ReportPeriod.ParseMonth("2027-13"));
        Assert.Null(ReportPeriod.ParseMonth("<script>"));
        Assert.Null(ReportPeriod.ParseMonth(null));
    }

    private static PaidFact Paid(int number, PaymentMethods method, decimal amount)
    {
        var at = new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero);
        return new PaidFact(number, at, at, "PM-TEST01", "Ann Example", "Deep tissue massage", 60, PaymentKind.Visit, method, amount);
    }
}
