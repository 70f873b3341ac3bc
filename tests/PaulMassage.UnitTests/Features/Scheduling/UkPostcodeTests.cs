using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

public sealed class AUkPostcode
{
    [Theory]
    [InlineData("SW1A 1AA", "SW1A", "1AA")] // area, digit, letter
    [InlineData("SE1 7PB", "SE1", "7PB")] // area, digit
    [InlineData("M1 1AE", "M1", "1AE")] // one-letter area
    [InlineData("B33 8TH", "B33", "8TH")] // one-letter area, two digits
    [InlineData("CR2 6XH", "CR2", "6XH")]
    [InlineData("DN55 1PT", "DN55", "1PT")] // two letters, two digits
    [InlineData("W1A 0AX", "W1A", "0AX")] // one letter, digit, letter
    [InlineData("EC1A 1BB", "EC1A", "1BB")]
    public void is_read_in_each_of_the_uk_shapes(string text, string district, string inward)
    {
        Assert.True(UkPostcode.TryParse(text, out var postcode));
        Assert.Equal(district, postcode.District);
        Assert.Equal(inward, postcode.Inward);
        Assert.Equal($"{district} {inward}", postcode.ToString());
    }

    [Theory]
    [InlineData("se1 7pb")]
    [InlineData("SE17PB")]
    [InlineData("se17pb")]
    [InlineData("  SE1   7PB  ")]
    [InlineData("SE1\t7PB")]
    [InlineData("S E 1 7 P B")]
    public void is_normalised_to_capitals_with_one_space(string text)
    {
        Assert.True(UkPostcode.TryParse(text, out var postcode));
        Assert.Equal("SE1 7PB", postcode.ToString());
        Assert.Equal("SE1", postcode.District);
    }

    [Fact]
    public void tells_apart_districts_that_share_a_prefix()
    {
        Assert.True(UkPostcode.TryParse("SE17 1AA", out var postcode));
        Assert.Equal("SE17", postcode.District);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("SE1")] // district only
    [InlineData("7PB")] // inward code only
    [InlineData("SE1 7P")] // inward code too short
    [InlineData("SE1 7PBB")] // inward code too long
    [InlineData("SE1 PB7")]
    [InlineData("ABC1 7PB")] // three-letter area
    [InlineData("1SE 7PB")]
    [InlineData("SE1-7PB")]
    [InlineData("SE1 7PB.")]
    [InlineData("12345")] // a zip code
    [InlineData("SE1 7PB SE1 7PB")]
    [InlineData("SE1                7PB")] // longer than any postcode someone would type
    public void is_refused_when_it_is_not_a_full_uk_postcode(string? text)
    {
        Assert.False(UkPostcode.TryParse(text, out var postcode));
        Assert.Null(postcode);
    }

    [Theory]
    [InlineData(" se1 ", "SE1")]
    [InlineData("sw1a", "SW1A")]
    [InlineData("E14", "E14")]
    [InlineData("SE1 7PB", null)]
    [InlineData("SE", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void district_is_normalised_as_the_therapist_types_it(string? text, string? expected)
    {
        Assert.Equal(expected, UkPostcode.NormaliseDistrict(text));
    }
}

public sealed class TheServiceArea
{
    [Fact]
    public void reads_districts_separated_by_commas_spaces_semicolons_and_new_lines()
    {
        var area = ServiceArea.Parse("se1, SW1A;e14\nW1  N1\r\nEC1\t");

        Assert.Equal(["E14", "EC1", "N1", "SE1", "SW1A", "W1"], area.Districts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void drops_entries_that_are_not_districts_and_duplicates()
    {
        var area = ServiceArea.Parse("SE1, se1, nonsense, 123, SE1 7PB");

        Assert.Equal(["SE1"], area.Districts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ; ")]
    public void is_empty_when_nothing_is_stored(string? stored)
    {
        var area = ServiceArea.Parse(stored);

        Assert.Empty(area.Districts);
        Assert.True(UkPostcode.TryParse("SE1 7PB", out var postcode));
        Assert.False(area.Covers(postcode));
    }

    [Theory]
    [InlineData("se1 7pb", true)]
    [InlineData("SE17PB", true)]
    [InlineData("E14 5AB", true)]
    [InlineData("SE17 1AA", false)] // SE17 is not SE1
    [InlineData("E1 6AN", false)] // E1 is not E14
    [InlineData("M1 1AE", false)]
    public void covers_a_postcode_exactly_when_its_district_is_listed(string text, bool covered)
    {
        var area = ServiceArea.Parse("SE1, E14");
        Assert.True(UkPostcode.TryParse(text, out var postcode));

        Assert.Equal(covered, area.Covers(postcode));
    }

    [Theory]
    [InlineData("W1T 3JH", true)] // W1 is split into W1A-W1W
    [InlineData("EC1R 0DU", true)]
    [InlineData("WC2H 9JQ", true)]
    [InlineData("W10 5AA", false)] // W10 is another district, not a part of W1
    [InlineData("SW1P 4DR", false)] // only SW1V is listed, not all of SW1
    [InlineData("SW1V 1QT", true)]
    [InlineData("E1W 1AA", false)] // E1W is part of E1, which is not listed
    public void covers_the_lettered_parts_of_a_district_listed_without_its_letter(string text, bool covered)
    {
        var area = ServiceArea.Parse("W1, EC1, WC2, SW1V, E14");
        Assert.True(UkPostcode.TryParse(text, out var postcode));

        Assert.Equal(covered, area.Covers(postcode));
    }

    [Theory]
    [InlineData("SW1P", "SW1")]
    [InlineData("W1T", "W1")]
    [InlineData("EC1R", "EC1")]
    [InlineData("E1W", "E1")]
    [InlineData("W10", null)] // a district of its own, not a part of W1
    [InlineData("SE1", null)]
    [InlineData("M1", null)]
    public void names_the_whole_district_a_lettered_part_belongs_to(string district, string? whole)
    {
        Assert.Equal(whole, UkPostcode.WholeDistrictOf(district));
    }

    [Fact]
    public void covers_a_lettered_part_by_the_same_rule_the_travel_zones_use()
    {
        var area = ServiceArea.Parse("SW1");
        var travel = TravelTimes.Parse(null, "West: SW1", "30", 30);
        Assert.True(UkPostcode.TryParse("SW1P 4DR", out var postcode));

        Assert.True(area.Covers(postcode));
        Assert.Equal(0, travel.ZoneOf(postcode.ToString()));
    }

    [Fact]
    public void formats_the_districts_in_order_for_people_to_read()
    {
        Assert.Equal("E14, SE1, SW1A", ServiceArea.Parse("sw1a se1 e14 SE1").Format());
    }
}
