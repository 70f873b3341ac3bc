using System.Globalization;
using System.Xml.Linq;

namespace PaulMassage.Web.Features.Courses;

/// <summary>
/// A pain score of the course: given at a visit, or (<paramref name="ClientsOwn"/>) by the client in
/// a check-in between visits, which the chart marks as theirs.
/// </summary>
public sealed record PainReading(DateOnly Date, int Score, bool ClientsOwn = false);

/// <summary>Where a reading sits on the chart, in the SVG's own units.</summary>
public sealed record PlottedPoint(double X, double Y, PainReading Reading);

/// <summary>A ready-to-embed chart: the SVG markup, its geometry, and a sentence saying what it shows.</summary>
public sealed record PainChart(string Svg, IReadOnlyList<PlottedPoint> Points, string Summary)
{
    public bool HasReadings => Points.Count > 0;
}

/// <summary>
/// Draws the pain scores of a course as a small line chart in SVG, built on the server (no
/// script). The SVG scales to the width of its container, so it reads on a phone; the text sits
/// on a fixed 320-unit-wide canvas that stays legible at that size. Pure: no web types.
/// </summary>
public static class PainChartBuilder
{
    public const double Width = 320;
    public const double Height = 200;
    public const double Left = 34;
    public const double Right = 24;
    public const double Top = 14;
    public const double Bottom = 40;
    public const int MaxScore = 10;

    private const int MaxDateLabels = 6;
    private const int MaxScoreLabels = 12;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <param name="readings">The scores, in any order; they are drawn by date.</param>
    /// <param name="idPrefix">Makes the ids of the title and description unique on the page.</param>
    public static PainChart Build(IEnumerable<PainReading> readings, string idPrefix = "pain-chart")
    {
        ArgumentNullException.ThrowIfNull(readings);
        var ordered = readings.OrderBy(r => r.Date).ToList();
        if (ordered.Any(r => r.Score is < 0 or > MaxScore))
        {
            throw new ArgumentOutOfRangeException(nameof(readings), "A pain score is from 0 to 10.");
        }

        var points = ordered.Select((r, i) => new PlottedPoint(XFor(i, ordered.Count), YFor(r.Score), r)).ToList();
        var summary = Summarise(ordered);
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";

        var svg = new XElement("svg",
            new XAttribute("class", "pain-chart"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XElement("title", new XAttribute("id", titleId), "Pain score at each visit (0 = none, 10 = worst)"),
            new XElement("desc", new XAttribute("id", descId), summary));

        // Horizontal grid lines and the score scale.
        for (var score = 0; score <= MaxScore; score += 2)
        {
            var y = YFor(score);
            svg.Add(
                new XElement("line", new XAttribute("class", "pain-chart-grid"),
                    new XAttribute("x1", N(Left)), new XAttribute("x2", N(Width - Right)), new XAttribute("y1", N(y)), new XAttribute("y2", N(y))),
                new XElement("text", new XAttribute("class", "pain-chart-axis"), new XAttribute("x", N(Left - 6)), new XAttribute("y", N(y + 4)),
                    new XAttribute("text-anchor", "end"), score.ToString(CultureInfo.InvariantCulture)));
        }

        if (points.Count == 0)
        {
            svg.Add(new XElement("text", new XAttribute("class", "pain-chart-empty"), new XAttribute("x", N(Left + (PlotWidth / 2))),
                new XAttribute("y", N(Top + (PlotHeight / 2))), new XAttribute("text-anchor", "middle"), "No scores yet"));
        }
        else
        {
            if (points.Count > 1)
            {
                svg.Add(new XElement("polyline", new XAttribute("class", "pain-chart-line"),
                    new XAttribute("points", string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}")))));
            }

            var dated = DateLabelIndexes(points.Count);
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                svg.Add(new XElement("circle", new XAttribute("class", p.Reading.ClientsOwn ? "pain-chart-point pain-chart-own" : "pain-chart-point"),
                    new XAttribute("cx", N(p.X)), new XAttribute("cy", N(p.Y)), new XAttribute("r", "4")));
                if (points.Count <= MaxScoreLabels)
                {
                    svg.Add(new XElement("text", new XAttribute("class", "pain-chart-value"), new XAttribute("x", N(p.X)), new XAttribute("y", N(p.Y - 8)),
                        new XAttribute("text-anchor", "middle"), p.Reading.Score.ToString(CultureInfo.InvariantCulture)));
                }

                if (dated.Contains(i))
                {
                    svg.Add(new XElement("text", new XAttribute("class", "pain-chart-axis"), new XAttribute("x", N(p.X)), new XAttribute("y", N(Height - Bottom + 18)),
                        new XAttribute("text-anchor", "middle"), p.Reading.Date.ToString("d MMM", British)));
                }
            }
        }

        return new PainChart(svg.ToString(SaveOptions.DisableFormatting), points, summary);
    }

    /// <summary>One sentence for screen readers and for the text under the chart.</summary>
    public static string Summarise(IReadOnlyList<PainReading> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        if (ordered.Count == 0)
        {
            return "No pain scores have been recorded for this course yet.";
        }

        var first = ordered[0];
        if (ordered.Count == 1)
        {
            return $"Pain score {first.Score} out of 10 on {Day(first.Date)}.";
        }

        var last = ordered[^1];
        var verb = last.Score < first.Score ? "fell from" : last.Score > first.Score ? "rose from" : "stayed at";
        var change = last.Score == first.Score
            ? $"{first.Score} out of 10"
            : $"{first.Score} out of 10 on {Day(first.Date)} to {last.Score} out of 10 on {Day(last.Date)}";
        var range = last.Score == first.Score ? $" from {Day(first.Date)} to {Day(last.Date)}" : string.Empty;
        var own = ordered.Count(r => r.ClientsOwn);
        return own == 0
            ? $"Pain score {verb} {change}{range}, over {ordered.Count} visits."
            : $"Pain score {verb} {change}{range}, over {ordered.Count} scores, {own} of them from check-ins between visits (hollow points).";
    }

    /// <summary>
    /// Which points get a date under them: at most six, evenly spread, always the first and the
    /// last (the label before the last gives way when the two would be too close).
    /// </summary>
    public static IReadOnlySet<int> DateLabelIndexes(int count)
    {
        if (count <= 0)
        {
            return new HashSet<int>();
        }

        var every = (int)Math.Ceiling(count / (double)MaxDateLabels);
        var labelled = Enumerable.Range(0, count).Where(i => i % every == 0).ToList();
        if (labelled[^1] != count - 1)
        {
            // The last step is shorter than the others: its label gives way to the last date.
            labelled[^1] = count - 1;
        }

        return labelled.ToHashSet();
    }

    private static double XFor(int index, int count) =>
        count <= 1 ? Left + (PlotWidth / 2) : Left + (index * PlotWidth / (count - 1));

    private static double YFor(int score) => Top + ((MaxScore - score) * PlotHeight / MaxScore);

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", British);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
