using System.Xml.Linq;
using PaulMassage.Web.Features.Courses;

namespace PaulMassage.UnitTests.Features.Courses;

public sealed class ThePainChartBuilder
{
    private static PainReading Reading(int month, int day, int score) => new(new DateOnly(2027, month, day), score);

    [Fact]
    public void scores_are_plotted_left_to_right_by_date_and_higher_pain_sits_higher()
    {
        var chart = PainChartBuilder.Build([Reading(3, 15, 3), Reading(3, 1, 8), Reading(3, 8, 5)]);

        Assert.Equal([8, 5, 3], chart.Points.Select(p => p.Reading.Score));
        Assert.Equal(PainChartBuilder.Left, chart.Points[0].X);
        Assert.Equal(PainChartBuilder.Width - PainChartBuilder.Right, chart.Points[^1].X);
        Assert.True(chart.Points[0].Y < chart.Points[1].Y && chart.Points[1].Y < chart.Points[2].Y);
    }

    [Fact]
    public void zero_sits_on_the_bottom_line_and_ten_on_the_top_line()
    {
        var chart = PainChartBuilder.Build([Reading(3, 1, 10), Reading(3, 8, 0)]);
        Assert.Equal(PainChartBuilder.Top, chart.Points[0].Y);
        Assert.Equal(PainChartBuilder.Height - PainChartBuilder.Bottom, chart.Points[1].Y);
    }

    [Fact]
    public void the_svg_is_well_formed_labelled_for_screen_readers_and_scales_with_its_box()
    {
        var chart = PainChartBuilder.Build([Reading(3, 1, 7), Reading(3, 8, 4)], "chart-9");
        var svg = XElement.Parse(chart.Svg);

        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("chart-9-title chart-9-desc", svg.Attribute("aria-labelledby")?.Value);
        Assert.Equal("0 0 320 200", svg.Attribute("viewBox")?.Value);
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("style"));
        Assert.Equal(chart.Summary, svg.Element("desc")?.Value);
        Assert.Equal("34,57.8 296,101.6", svg.Element("polyline")?.Attribute("points")?.Value);
        Assert.Equal(2, svg.Elements("circle").Count());
        Assert.Contains(svg.Elements("text"), t => t.Value == "1 Mar");
        Assert.Contains(svg.Elements("text"), t => t.Value == "8 Mar");
    }

    [Fact]
    public void one_reading_is_a_point_in_the_middle_without_a_line()
    {
        var chart = PainChartBuilder.Build([Reading(3, 1, 6)]);
        var svg = XElement.Parse(chart.Svg);

        Assert.Null(svg.Element("polyline"));
        Assert.Equal(PainChartBuilder.Left + (PainChartBuilder.PlotWidth / 2), chart.Points[0].X);
        Assert.Equal("Pain score 6 out of 10 on 1 March 2027.", chart.Summary);
    }

    [Fact]
    public void no_readings_draws_an_empty_chart_that_says_so()
    {
        var chart = PainChartBuilder.Build([]);
        Assert.False(chart.HasReadings);
        Assert.Contains("No scores yet", chart.Svg, StringComparison.Ordinal);
        Assert.Equal("No pain scores have been recorded for this course yet.", chart.Summary);
    }

    [Theory]
    [InlineData(7, 3, "Pain score fell from 7 out of 10 on 1 March 2027 to 3 out of 10 on 8 March 2027, over 2 visits.")]
    [InlineData(3, 6, "Pain score rose from 3 out of 10 on 1 March 2027 to 6 out of 10 on 8 March 2027, over 2 visits.")]
    [InlineData(5, 5, "Pain score stayed at 5 out of 10 from 1 March 2027 to 8 March 2027, over 2 visits.")]
    public void the_summary_says_which_way_the_pain_went(int first, int last, string summary) =>
        Assert.Equal(summary, PainChartBuilder.Build([Reading(3, 1, first), Reading(3, 8, last)]).Summary);

    [Fact]
    public void many_readings_get_at_most_six_dates_always_with_the_first_and_last()
    {
        for (var count = 1; count <= 40; count++)
        {
            var labelled = PainChartBuilder.DateLabelIndexes(count);
            Assert.InRange(labelled.Count, 1, 6);
            Assert.Contains(0, labelled);
            Assert.Contains(count - 1, labelled);
        }
    }

    [Fact]
    public void many_readings_drop_the_numbers_over_the_points_but_keep_every_point()
    {
        var readings = Enumerable.Range(0, 15).Select(i => new PainReading(new DateOnly(2027, 1, 1).AddDays(7 * i), 10 - (i % 10))).ToList();
        var svg = XElement.Parse(PainChartBuilder.Build(readings).Svg);
        Assert.Equal(15, svg.Elements("circle").Count());
        Assert.DoesNotContain(svg.Elements("text"), t => t.Attribute("class")?.Value == "pain-chart-value");
    }

    [Fact]
    public void a_score_outside_zero_to_ten_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PainChartBuilder.Build([Reading(3, 1, 11)]));
}
