using PaulMassage.Web.Features.Articles;

namespace PaulMassage.UnitTests.Features.Articles;

public sealed class TheArticleTags
{
    [Fact]
    public void typed_tags_are_lowercased_hyphenated_and_kept_once() =>
        Assert.Equal(["stretches", "self-help", "posture"], ArticleTags.Parse(" Stretches, self  help,,posture, stretches "));

    [Theory]
    [InlineData("")]
    [InlineData("stretches, self-help")]
    [InlineData("top-10")]
    public void well_formed_tags_are_accepted(string typed) => Assert.Null(ArticleTags.Check(typed));

    [Theory]
    [InlineData("café", "\"café\" cannot be a tag")]
    [InlineData("back--pain", "\"back--pain\" cannot be a tag")]
    [InlineData("<script>", "\"<script>\" cannot be a tag")]
    [InlineData("a,b,c,d,e,f,g,h,i", "at most 8 tags")]
    [InlineData("a-tag-that-is-far-longer-than-thirty-letters", "at most 30 characters")]
    public void anything_else_is_refused_with_the_reason(string typed, string reason) =>
        Assert.Contains(reason, ArticleTags.Check(typed), StringComparison.Ordinal);

    [Fact]
    public void stored_tags_round_trip() =>
        Assert.Equal(["sleep", "self-help"], ArticleTags.Split(ArticleTags.Join(["sleep", "self-help", "sleep"])));

    [Fact]
    public void a_tag_reads_with_spaces() => Assert.Equal("self help", ArticleTags.Label("self-help"));
}
