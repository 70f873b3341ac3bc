using Microsoft.AspNetCore.Html;
using PaulMassage.Web.Features.Articles;

namespace PaulMassage.UnitTests.Features.Articles;

public sealed class TheArticleSearchIndex
{
    private static readonly DateTime June = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly ArticleSearchIndex Index = new(
    [
        Article("self-help", "Self-help between visits", "Easy ways to ease tension at home.", ["self-help", "stretches"],
            "Use a tennis ball against a wall. Gentle stretching helps: knee hugs, cat and cow, child's pose.", June.AddDays(30)),
        Article("sleep", "Sleeping well with a sore back", "Positions and pillows for the night.", ["sleep"],
            "A pillow between the knees keeps the hips level. Stretches before bed can help too.", June.AddDays(60)),
        Article("causes", "Understanding back pain", "Why backs hurt.", ["causes", "posture"],
            "Posture, sitting all day and strained muscles. Sciatica is pain along the sciatic nerve; see NICE NG59.", June),
    ]);

    [Fact]
    public void a_word_in_the_title_ranks_above_the_same_word_only_in_the_text()
    {
        var result = Index.Search("sleep");

        Assert.Equal(["sleep"], result.Matches.Select(m => m.Article.Summary.Slug));

        var stretches = Index.Search("stretches");
        Assert.Equal(["self-help", "sleep"], stretches.Matches.Select(m => m.Article.Summary.Slug));
        Assert.True(stretches.Matches[0].Score > stretches.Matches[1].Score);
    }

    [Theory]
    [InlineData("stretching")]
    [InlineData("STRETCH")]
    [InlineData("stretched")]
    [InlineData("stret")]
    public void endings_case_and_the_start_of_a_word_find_the_same_articles(string query) =>
        Assert.Equal(["self-help", "sleep"], Index.Search(query).Matches.Select(m => m.Article.Summary.Slug));

    [Fact]
    public void every_word_searched_for_must_be_in_the_article()
    {
        Assert.Equal(["sleep"], Index.Search("pillow stretches").Matches.Select(m => m.Article.Summary.Slug));
        Assert.Empty(Index.Search("pillow sciatica").Matches);
    }

    [Fact]
    public void tags_are_searched_and_small_common_words_are_ignored()
    {
        Assert.Equal(["causes"], Index.Search("the posture").Matches.Select(m => m.Article.Summary.Slug));
        Assert.Equal(["posture"], Index.Search("the posture").Terms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("the and of")]
    [InlineData("<>!?")]
    public void a_query_without_a_word_to_look_for_finds_nothing(string? query)
    {
        var result = Index.Search(query);

        Assert.Empty(result.Terms);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void the_matched_words_are_marked_and_everything_else_is_encoded()
    {
        var html = Html(ArticleSearchIndex.Highlight("Stretches & <script>alert('stretch')</script>", ArticleSearchIndex.Terms("stretch")));

        Assert.Equal("<mark>Stretches</mark> &amp; &lt;script&gt;alert(&#x27;<mark>stretch</mark>&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public void a_query_that_is_markup_is_only_ever_text()
    {
        var result = Index.Search("<script>sciatica</script>");

        Assert.Equal(["script", "sciatica"], result.Terms);
        Assert.Empty(result.Matches);
        Assert.Equal("<script>sciatica</script>", result.Query); // kept as typed; the page encodes it

        var match = Assert.Single(Index.Search("<sciatica>").Matches);
        Assert.Contains("<mark>Sciatica</mark> is pain", Html(match.Excerpt!), StringComparison.Ordinal);
    }

    [Fact]
    public void the_excerpt_is_the_passage_around_the_first_match_with_ellipses_where_text_was_cut()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 60)) + " the tennis ball works well " + string.Join(' ', Enumerable.Repeat("more", 60));

        var excerpt = System.Net.WebUtility.HtmlDecode(Html(ArticleSearchIndex.Excerpt(text, ArticleSearchIndex.Terms("tennis"))!));

        Assert.StartsWith("… filler", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("more …", excerpt, StringComparison.Ordinal);
        Assert.Contains("the <mark>tennis</mark> ball works well", excerpt, StringComparison.Ordinal);
        Assert.InRange(excerpt.Length, 150, ArticleSearchIndex.ExcerptLength + 40);
    }

    [Fact]
    public void the_excerpt_comes_from_one_paragraph_rather_than_a_heading()
    {
        const string Text = "Gentle stretches\nKnee hugs ease the lower back.\nMove slowly and never force any of these stretches, and stop if a stretch hurts more than a little: a mild pull is fine.";

        var excerpt = System.Net.WebUtility.HtmlDecode(Html(ArticleSearchIndex.Excerpt(Text, ArticleSearchIndex.Terms("stretches"))!));

        Assert.Equal("Move slowly and never force any of these <mark>stretches</mark>, and stop if a <mark>stretch</mark> hurts more than a little: a mild pull is fine.", excerpt);
        Assert.Equal("<mark>Knee</mark> hugs ease the lower back.", Html(ArticleSearchIndex.Excerpt(Text, ArticleSearchIndex.Terms("knee"))!));
    }

    [Fact]
    public void no_excerpt_when_only_the_title_matched()
    {
        var match = Assert.Single(Index.Search("understanding").Matches);

        Assert.Null(match.Excerpt);
        Assert.Equal("<mark>Understanding</mark> back pain", Html(match.Title));
    }

    [Fact]
    public void tags_are_listed_most_used_first_and_tagged_lists_newest_first()
    {
        Assert.Equal(["causes", "posture", "self-help", "sleep", "stretches"], Index.Tags.Select(t => t.Tag));
        Assert.Equal(["self-help"], Index.Tagged("stretches").Select(a => a.Summary.Slug));
        Assert.Empty(Index.Tagged("nothing"));
        Assert.Equal(["sleep", "self-help", "causes"], Index.Articles.Select(a => a.Summary.Slug));
    }

    [Fact]
    public void a_long_query_is_cut()
    {
        var result = Index.Search(new string('a', 500));

        Assert.Equal(ArticleSearchIndex.MaxQueryLength, result.Query.Length);
    }

    private static IndexedArticle Article(string slug, string title, string description, string[] tags, string body, DateTime published) =>
        new(new ArticleSummary(slug, title, description, published, published), tags, body);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
