using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheSlotClaims
{
    private const int Buffer = 30;
    private static readonly DateTime Ten = new(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void of_a_60_minute_visit_with_a_30_minute_buffer_are_six_quarter_hour_cells()
    {
        var cells = SlotClaim.CellsFor(Ten, Ten.AddMinutes(60), Buffer).ToList();

        Assert.Equal(Enumerable.Range(0, 6).Select(i => Ten.AddMinutes(15 * i)), cells);
        Assert.All(cells, c => Assert.Equal(DateTimeKind.Utc, c.Kind));
    }

    [Fact]
    public void of_a_90_minute_visit_with_a_30_minute_buffer_are_eight_cells()
    {
        Assert.Equal(8, SlotClaim.CellsFor(Ten, Ten.AddMinutes(90), Buffer).Count());
    }

    [Fact]
    public void cover_the_whole_visit_and_the_buffer_after_it_but_nothing_before_it()
    {
        var cells = SlotClaim.CellsFor(Ten, Ten.AddMinutes(60), Buffer).ToList();

        Assert.Equal(Ten, cells[0]);
        Assert.Equal(Ten.AddMinutes(75), cells[^1]); // the cell 11:15-11:30 ends exactly with the buffer
    }

    [Fact]
    public void grow_with_the_travel_buffer()
    {
        Assert.Equal(4, SlotClaim.CellsFor(Ten, Ten.AddMinutes(60), 0).Count());
        Assert.Equal(7, SlotClaim.CellsFor(Ten, Ten.AddMinutes(60), 45).Count());
    }

    public static TheoryData<int, int> Lengths => new() { { 60, 60 }, { 60, 90 }, { 90, 60 }, { 90, 90 } };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void of_two_visits_meet_exactly_when_the_travel_rule_says_they_conflict(int firstMinutes, int secondMinutes)
    {
        var first = (Start: Ten, End: Ten.AddMinutes(firstMinutes));
        var firstCells = SlotClaim.CellsFor(first.Start, first.End, Buffer).ToHashSet();
        var conflicts = 0;

        for (var offset = -6 * 60; offset <= 6 * 60; offset += 15)
        {
            var start = Ten.AddMinutes(offset);
            var second = (Start: start, End: start.AddMinutes(secondMinutes));
            var secondCells = SlotClaim.CellsFor(second.Start, second.End, Buffer);

            var rule = second.Start < first.End.AddMinutes(Buffer) && first.Start < second.End.AddMinutes(Buffer);
            var claimsMeet = secondCells.Any(firstCells.Contains);

            Assert.True(rule == claimsMeet, $"Offset {offset} min: rule says {rule}, claims say {claimsMeet}.");
            conflicts += rule ? 1 : 0;
        }

        // Conflicts run from (second length + buffer) before to (first length + buffer) after, exclusive.
        Assert.Equal((firstMinutes + secondMinutes + 2 * Buffer) / 15 - 1, conflicts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(45)]
    public void of_two_visits_meet_for_any_buffer_exactly_when_the_rule_says_so(int buffer)
    {
        var firstCells = SlotClaim.CellsFor(Ten, Ten.AddMinutes(60), buffer).ToHashSet();
        for (var offset = -4 * 60; offset <= 4 * 60; offset += 15)
        {
            var start = Ten.AddMinutes(offset);
            var rule = start < Ten.AddMinutes(60 + buffer) && Ten < start.AddMinutes(60 + buffer);

            Assert.Equal(rule, SlotClaim.CellsFor(start, start.AddMinutes(60), buffer).Any(firstCells.Contains));
        }
    }
}
