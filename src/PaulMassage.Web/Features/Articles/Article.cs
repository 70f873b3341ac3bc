namespace PaulMassage.Web.Features.Articles;

/// <summary>A piece of back-pain advice, written in Markdown.</summary>
public class Article
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>One sentence for lists and the meta description.</summary>
    public required string Description { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Slugs of the services the article discusses, comma separated.</summary>
    public string RelatedServiceSlugs { get; set; } = string.Empty;

    public bool IsPublished { get; set; } = true;

    public DateTime PublishedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> RelatedServices =>
        RelatedServiceSlugs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
