using PaulMassage.Web.Features.Clients;

namespace PaulMassage.UnitTests.Features.Clients;

public sealed class TheClientSearchTerms
{
    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void an_empty_search_lists_everyone(string? query) => Assert.Null(ClientSearchTerms.Parse(query));

    [Fact]
    public void text_is_compared_upper_case_and_postcodes_without_spaces()
    {
        var terms = ClientSearchTerms.Parse(" se1 7pb ")!;
        Assert.Equal("SE1 7PB", terms.Text);
        Assert.Equal("SE17PB", terms.Compact);
        Assert.Null(terms.PhoneDigits);
    }

    [Theory]
    [InlineData("07700 900123", "7700900123")]
    [InlineData("+44 (0)7700 900-123", "07700900123")]
    [InlineData("+44 7700 900123", "7700900123")]
    [InlineData("900123", "900123")]
    public void a_phone_number_is_matched_on_its_digits_in_either_form(string query, string digits) =>
        Assert.Equal(digits, ClientSearchTerms.Parse(query)!.PhoneDigits);

    [Theory]
    [InlineData("123")]
    [InlineData("Ann 0770")]
    public void short_numbers_and_words_are_not_phone_searches(string query) =>
        Assert.Null(ClientSearchTerms.Parse(query)!.PhoneDigits);
}
