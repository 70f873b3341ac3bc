using PaulMassage.Web.Features.Site;

namespace PaulMassage.UnitTests.Features.Site;

public sealed class TheWording
{
    [Theory]
    [InlineData(0, "0 visits")]
    [InlineData(1, "1 visit")]
    [InlineData(4, "4 visits")]
    [InlineData(1200, "1,200 visits")]
    public void counts_are_singular_for_one_only(int count, string expected) =>
        Assert.Equal(expected, Wording.Count(count, "visit"));

    [Fact]
    public void an_irregular_plural_is_given() =>
        Assert.Equal("3 entries", Wording.Count(3, "entry", "entries"));

    [Theory]
    [InlineData("70", "£70")]
    [InlineData("70.00", "£70")]
    [InlineData("70.5", "£70.50")]
    [InlineData("1200", "£1,200")]
    public void money_shows_pence_only_when_there_are_some(string amount, string expected) =>
        Assert.Equal(expected, Wording.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Sarah Okafor", "Sarah")]
    [InlineData("  Cher ", "Cher")]
    public void people_are_greeted_by_first_name(string name, string expected) =>
        Assert.Equal(expected, Wording.FirstName(name));
}
