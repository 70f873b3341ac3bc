using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheTravelTurnPruning
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3, 2, 9, 0, 3, 1, 0)]     // GMT: yesterday's local midnight is UTC's
    [InlineData(7, 2, 9, 0, 6, 30, 23)]   // BST: yesterday began at 23:00 UTC the day before
    [InlineData(7, 1, 23, 30, 6, 30, 23)] // 00:30 BST on 2 July: yesterday is 1 July
    public void keeps_the_turns_of_yesterday_and_after(int month, int day, int hour, int minute, int keptMonth, int keptDay, int keptHour)
    {
        Assert.Equal(Utc(keptMonth, keptDay, keptHour), TravelTurnPruning.KeptFromUtc(Utc(month, day, hour, minute), London));
    }

    [Fact]
    public void never_prunes_a_cell_a_booking_from_now_on_can_take_a_turn_of()
    {
        // The earliest booking there can be starts now, just after midnight, and reaches back half the longest drive.
        var now = Utc(3, 2, 0, 5);
        var earliestCell = TravelTurn.CellsFor(now, now.AddMinutes(15), 0, TravelTimes.MaxMinutes).Min();

        Assert.True(TravelTurnPruning.KeptFromUtc(now, London) <= earliestCell);
    }
}
