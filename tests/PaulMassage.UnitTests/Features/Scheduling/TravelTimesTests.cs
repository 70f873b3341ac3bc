using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

public sealed class TheTravelTimes
{
    private static TravelTimes Defaults() =>
        TravelTimes.Parse(TravelTimes.Defaults.HomeDistrict, TravelTimes.Defaults.Zones, TravelTimes.Defaults.Minutes, 30);

    [Fact]
    public void start_with_zones_covering_every_district_the_practice_serves_by_default()
    {
        var travel = Defaults();
        var served = ServiceArea.Parse(new PaulMassage.Web.Infrastructure.Data.SeedOptions().ServedDistricts);

        Assert.True(travel.ByZone);
        Assert.All(served.Districts, d => Assert.NotNull(travel.ZoneOf(d)));
        Assert.Equal("East", travel.Zones[travel.HomeZone!.Value].Name);
        Assert.Equal(30, travel.ShortestMinutes);
        Assert.Equal(60, travel.LongestMinutes);
    }

    [Theory]
    [InlineData("E1 6AN", "East")]
    [InlineData("e14 5ab", "East")]
    [InlineData("SW7", "Kensington and Chelsea")]
    [InlineData("W1T 3JH", "West End")] // a lettered part of W1
    [InlineData("EC1R 1UL", "City")]
    public void find_the_zone_of_a_postcode_or_a_district(string place, string zone)
    {
        var travel = Defaults();

        Assert.Equal(zone, travel.Zones[travel.ZoneOf(place)!.Value].Name);
    }

    [Theory]
    [InlineData("M1 1AE")]
    [InlineData("SW1P 4DR")]
    [InlineData("not a postcode")]
    [InlineData("")]
    [InlineData(null)]
    public void put_a_place_no_zone_names_in_none_and_travel_to_it_by_the_flat_buffer_with_no_drive_from_home(string? place)
    {
        var travel = Defaults();
        var zone = travel.ZoneOf(place);

        Assert.Null(zone);
        Assert.Equal(30, travel.Minutes(travel.ZoneOf("E1"), zone));
        Assert.Equal(30, travel.Minutes(zone, travel.ZoneOf("SW7")));
        Assert.Equal(0, travel.FromHome(zone));
    }

    [Fact]
    public void read_each_way_of_the_table_on_its_own()
    {
        var travel = TravelTimes.Parse("E1", "East: E1\nWest: SW7", "15 45\n60 20", 30);
        var (east, west) = (travel.ZoneOf("E1 6AN"), travel.ZoneOf("SW7 2AZ"));

        Assert.Equal(15, travel.Minutes(east, east));
        Assert.Equal(45, travel.Minutes(east, west));
        Assert.Equal(60, travel.Minutes(west, east));
        Assert.Equal(20, travel.Minutes(west, west));
        Assert.Equal(45, travel.FromHome(west));
        Assert.Equal(15, travel.FromHome(east));
    }

    [Fact]
    public void travel_by_the_flat_buffer_alone_without_zones()
    {
        var travel = TravelTimes.Parse("E1", string.Empty, string.Empty, 45);

        Assert.False(travel.ByZone);
        Assert.Null(travel.ZoneOf("E1 6AN"));
        Assert.Equal(45, travel.Minutes(null, null));
        Assert.Equal(0, travel.FromHome(null));
        Assert.Equal(45, travel.ShortestMinutes);
        Assert.Equal(45, travel.LongestMinutes);
    }

    [Fact]
    public void write_back_what_it_reads()
    {
        var travel = Defaults();

        Assert.Equal(TravelTimes.Defaults.Zones, travel.FormatZones());
        Assert.Equal(TravelTimes.Defaults.Minutes, travel.FormatMinutes());
    }

    [Theory]
    [InlineData("East E1, E14", "Write each zone as its name, a colon and its districts")]
    [InlineData("East: E1\neast: E14", "The zone name \"east\" is used twice.")]
    [InlineData("East: E1, E1X9", "\"E1X9\" in zone East is not a postcode district")]
    [InlineData("East: E1\nWest: e1", "E1 is in two zones (East and West); put it in one.")]
    [InlineData("East:", "Zone East has no districts.")]
    public void explain_zones_that_do_not_read(string zones, string message)
    {
        Assert.StartsWith(message, TravelTimes.ParseZones(zones, out _), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15 45", "The table needs one row per zone.")]
    [InlineData("15 45\n60", "The table needs one column per zone.")]
    [InlineData("15 45\n60 181", "Travel times are whole minutes from 0 to 180.")]
    [InlineData("15 -5\n60 20", "Travel times are whole minutes from 0 to 180.")]
    [InlineData("15 4.5\n60 20", "Travel times are whole minutes from 0 to 180.")]
    public void explain_a_table_that_does_not_read(string minutes, string message)
    {
        Assert.Equal(message, TravelTimes.ParseMinutes(minutes, 2, out _));
    }

    [Fact]
    public void fall_back_to_the_flat_buffer_when_a_stored_table_does_not_match_its_zones()
    {
        var travel = TravelTimes.Parse("E1", "East: E1\nWest: SW7", "15", 30);

        Assert.False(travel.ByZone);
        Assert.Equal(30, travel.Minutes(travel.ZoneOf("E1"), travel.ZoneOf("SW7")));
    }

    [Fact]
    public void read_the_practice_settings_row_as_the_settings_page_stored_it()
    {
        var row = new PracticeSettings { HomeDistrict = "e1", TravelZones = "East: E1\nWest: SW7", TravelMinutes = "15 45\n60 20", TravelBufferMinutes = 40 };

        var travel = TravelTimes.Of(row);

        Assert.Equal("E1", travel.HomeDistrict);
        Assert.Equal(["East", "West"], travel.Zones.Select(z => z.Name));
        Assert.Equal(60, travel.Minutes(travel.ZoneOf("SW7"), travel.ZoneOf("E1")));
        Assert.Equal(40, travel.FlatBufferMinutes);
    }

    [Fact]
    public void read_a_row_the_settings_page_never_wrote_as_the_flat_buffer()
    {
        var travel = TravelTimes.Of(new PracticeSettings { TravelBufferMinutes = 25 });

        Assert.False(travel.ByZone);
        Assert.Equal((25, 25), (travel.ShortestMinutes, travel.LongestMinutes));
    }

    [Theory]
    [InlineData("15 45\n60 20", 30, 15, 60)]
    [InlineData("35 45\n60 40", 30, 30, 60)] // the flat buffer is a drive too
    [InlineData("35 45\n60 40", 90, 35, 90)]
    public void weigh_the_shortest_and_longest_drive_over_the_table_and_the_flat_buffer(string minutes, int flat, int shortest, int longest)
    {
        var travel = TravelTimes.Parse("E1", "East: E1\nWest: SW7", minutes, flat);

        Assert.Equal((shortest, longest), (travel.ShortestMinutes, travel.LongestMinutes));
    }
}
