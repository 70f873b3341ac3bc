using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.UnitTests.Infrastructure.Data;

public sealed class AFrontMatterDocument
{
    [Fact]
    public void reads_the_fields_between_the_dashes_and_the_body_after_them()
    {
        var doc = FrontMatterDocument.Parse("---\nslug: understanding-back-pain\ntitle: Understanding back pain\n---\n\n# Heading\n\nText.\n\n");

        Assert.Equal("understanding-back-pain", doc.Required("slug"));
        Assert.Equal("Understanding back pain", doc.Required("title"));
        Assert.Equal("# Heading\n\nText.\n", doc.Body);
    }

    [Fact]
    public void keeps_colons_inside_a_value()
    {
        var doc = FrontMatterDocument.Parse("---\ntitle: Back pain: where it comes from\nprices: 60=70, 90=95\n---\nBody");

        Assert.Equal("Back pain: where it comes from", doc.Required("title"));
        Assert.Equal("60=70, 90=95", doc.Required("prices"));
    }

    [Fact]
    public void reads_windows_line_endings_and_trims_keys_and_values()
    {
        var doc = FrontMatterDocument.Parse("---\r\n  Slug :  swedish-massage  \r\n---\r\nBody line\r\n");

        Assert.Equal("swedish-massage", doc.Required("slug"));
        Assert.Equal("Body line\n", doc.Body);
    }

    [Fact]
    public void finds_keys_whatever_their_case()
    {
        var doc = FrontMatterDocument.Parse("---\nTitle: A\n---\n");

        Assert.Equal("A", doc.Required("title"));
        Assert.Equal("A", doc.Fields["TITLE"]);
    }

    [Fact]
    public void ignores_lines_without_a_key()
    {
        var doc = FrontMatterDocument.Parse("---\njust words\n: no key\nslug: a\n---\nBody");

        Assert.Equal(["slug"], doc.Fields.Keys);
    }

    [Fact]
    public void treats_text_without_front_matter_as_all_body()
    {
        const string text = "# Just Markdown\n\nslug: not a field\n";

        var doc = FrontMatterDocument.Parse(text);

        Assert.Empty(doc.Fields);
        Assert.Equal(text, doc.Body);
    }

    [Fact]
    public void refuses_front_matter_that_is_never_closed()
    {
        Assert.Throws<FormatException>(() => FrontMatterDocument.Parse("---\nslug: a\n# Body"));
    }

    [Fact]
    public void names_a_required_field_that_is_missing_or_empty()
    {
        var doc = FrontMatterDocument.Parse("---\ntitle:\n---\nBody");

        var missing = Assert.Throws<FormatException>(() => doc.Required("slug"));
        var empty = Assert.Throws<FormatException>(() => doc.Required("title"));

        Assert.Contains("'slug'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'title'", empty.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("services")]
    public void parses_every_seed_file_shipped_with_the_site(string folder)
    {
        var content = Path.Combine(RepositoryPaths.Web, "Content", folder);
        var files = Directory.GetFiles(content, "*.md");
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var doc = FrontMatterDocument.Parse(File.ReadAllText(file));

            Assert.Equal(Path.GetFileNameWithoutExtension(file), doc.Required("slug"));
            Assert.False(string.IsNullOrWhiteSpace(doc.Body), file);
        }
    }
}
