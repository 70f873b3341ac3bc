using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheTravelRules
{
    [Fact]
    public void keep_each_zones_minutes_by_its_name_when_the_zones_are_reordered_and_start_a_new_zone_at_the_flat_buffer()
    {
        var (travel, errors) = TravelRules.Validate(
            new TravelInput("e1", "West: SW7\nNorth: N1\nEast: E1", ["East", "West"], ["15", "45", "60", "20"]), 30);

        Assert.Empty(errors);
        var (west, north, east) = (travel!.ZoneOf("SW7"), travel.ZoneOf("N1"), travel.ZoneOf("E1"));
        Assert.Equal(20, travel.Minutes(west, west));
        Assert.Equal(60, travel.Minutes(west, east));
        Assert.Equal(45, travel.Minutes(east, west));
        Assert.Equal(15, travel.Minutes(east, east));
        Assert.Equal(30, travel.Minutes(north, east));
        Assert.Equal(30, travel.Minutes(west, north));
        Assert.Equal("E1", travel.HomeDistrict);
    }

    [Fact]
    public void allow_no_zones_and_no_home_which_is_the_flat_buffer()
    {
        var (travel, errors) = TravelRules.Validate(new TravelInput("", "", [], []), 30);

        Assert.Empty(errors);
        Assert.False(travel!.ByZone);
        Assert.Null(travel.HomeDistrict);
    }

    [Theory]
    [InlineData("E1", "East: E1", "East", "200", "Minutes")]
    [InlineData("E1", "East: E1", "East", "", "Minutes")]
    [InlineData("E1", "East: E1\nEast: E14", "East", "15", "Zones")]
    [InlineData("1E", "East: E1", "East", "15", "HomeDistrict")]
    [InlineData("SW7", "East: E1", "East", "15", "HomeDistrict")]
    public void name_the_field_of_what_does_not_read(string home, string zones, string shown, string minutes, string field)
    {
        var (travel, errors) = TravelRules.Validate(new TravelInput(home, zones, [shown], [minutes]), 30);

        Assert.Null(travel);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void refuse_a_table_that_did_not_come_back_whole()
    {
        var (_, errors) = TravelRules.Validate(new TravelInput("E1", "East: E1", ["East", "West"], ["15"]), 30);

        Assert.Equal("The table did not come back whole. Please reload the page and try again.", Assert.Single(errors).Message);
    }
}
