using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheServedAreaRules
{
    [Fact]
    public void districts_are_normalised_sorted_and_deduplicated_whatever_the_separators()
    {
        var (districts, errors) = ServedAreaRules.Validate(" se1, sw1a;E14\ne14\tN1 ");
        Assert.Empty(errors);
        Assert.Equal(["E14", "N1", "SE1", "SW1A"], districts);
    }

    [Fact]
    public void entries_that_are_not_districts_are_named_in_the_message()
    {
        var (_, errors) = ServedAreaRules.Validate("SE1, London, SE1 7PB");
        var error = Assert.Single(errors);
        Assert.Equal("Districts", error.Field);
        Assert.StartsWith("These are not postcode districts: \"London\", \"7PB\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void one_bad_entry_is_named_in_the_singular()
    {
        var (_, errors) = ServedAreaRules.Validate("SE1 XYZ");
        Assert.StartsWith("This is not a postcode district: \"XYZ\".", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ,  ")]
    [InlineData(null)]
    public void an_empty_list_is_refused(string? text) =>
        Assert.Equal("Enter at least one postcode district, for example SE1.", Assert.Single(ServedAreaRules.Validate(text).Errors).Message);
}
