using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheSlugRules
{
    [Theory]
    [InlineData("back-pain-at-work")]
    [InlineData("a")]
    [InlineData("top-10-stretches")]
    public void lowercase_words_joined_by_single_hyphens_are_accepted(string slug) =>
        Assert.Null(SlugRules.Check(slug, 80));

    [Theory]
    [InlineData("Back-Pain")]
    [InlineData("back--pain")]
    [InlineData("-back")]
    [InlineData("back pain")]
    [InlineData("café")]
    public void anything_else_is_refused(string slug) =>
        Assert.StartsWith("Use lowercase letters, digits and single hyphens only", SlugRules.Check(slug, 80), StringComparison.Ordinal);

    [Fact]
    public void an_empty_or_too_long_slug_is_refused()
    {
        Assert.StartsWith("Enter the web address name", SlugRules.Check(" ", 80), StringComparison.Ordinal);
        Assert.Equal("The web address name can be at most 5 characters.", SlugRules.Check("abcdef", 5));
    }

    [Theory]
    [InlineData("Why a Course?", "why-a-course")]
    [InlineData("  Sleep: 3 positions for a sore back!  ", "sleep-3-positions-for-a-sore-back")]
    [InlineData("", "")]
    public void a_title_suggests_a_slug(string title, string slug) =>
        Assert.Equal(slug, SlugRules.FromTitle(title));
}
