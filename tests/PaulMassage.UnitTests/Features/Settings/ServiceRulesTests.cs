using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheServiceRules
{
    [Fact]
    public void valid_rows_become_options_in_length_order_and_blank_rows_are_ignored()
    {
        var (options, errors) = ServiceRules.ValidateOptions([new("90", "£85"), new("", ""), new("60", " 62.50 "), new(null, null)]);

        Assert.Empty(errors);
        Assert.Equal([new ServiceOptionValue(60, 62.50m), new ServiceOptionValue(90, 85m)], options);
    }

    [Theory]
    [InlineData("50", "60", "Options[0].Minutes", "a length must be 15 to 240 minutes in steps of 15")]
    [InlineData("0", "60", "Options[0].Minutes", "a length must be")]
    [InlineData("255", "60", "Options[0].Minutes", "a length must be")]
    [InlineData("sixty", "60", "Options[0].Minutes", "enter the length in minutes")]
    [InlineData("60", "0", "Options[0].Price", "the price must be more than £0")]
    [InlineData("60", "-5", "Options[0].Price", "enter the price in pounds")]
    [InlineData("60", "60.555", "Options[0].Price", "at most two decimals")]
    [InlineData("60", "1000.01", "Options[0].Price", "at most £1000")]
    [InlineData("60", "", "Options[0].Price", "enter the price in pounds")]
    public void a_row_with_a_bad_length_or_price_is_refused_on_that_field(string minutes, string price, string field, string message)
    {
        var (options, errors) = ServiceRules.ValidateOptions([new(minutes, price)]);

        Assert.Empty(options);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Row 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_same_length_twice_is_refused_even_when_the_first_price_is_wrong()
    {
        var (_, errors) = ServiceRules.ValidateOptions([new("60", "abc"), new("60", "70")]);
        Assert.Contains(errors, e => e.Field == "Options[1].Minutes" && e.Message == "Row 2: 60 minutes is listed twice.");
    }

    [Fact]
    public void at_least_one_length_is_needed()
    {
        var (_, errors) = ServiceRules.ValidateOptions([new("", "")]);
        Assert.Equal("Options", Assert.Single(errors).Field);
    }
}
