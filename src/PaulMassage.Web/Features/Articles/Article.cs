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

    /// <summary>The article's tags (see <see cref="ArticleTags"/>), comma separated.</summary>
    public string Tags { get; set; } = string.Empty;

    public bool IsPublished { get; set; } = true;

    public DateTime PublishedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> RelatedServices =>
        RelatedServiceSlugs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> TagList => ArticleTags.Split(Tags);

    /// <summary>Replaces the article's words, tags and related treatments (the editor has checked them).</summary>
    public void Edit(string slug, string title, string description, string bodyMarkdown, IEnumerable<string> relatedServices, IEnumerable<string> tags, DateTime nowUtc)
    {
        Slug = slug;
        Title = title.Trim();
        Description = description.Trim();
        BodyMarkdown = bodyMarkdown.Trim() + "\n";
        RelatedServiceSlugs = string.Join(',', relatedServices.Distinct(StringComparer.Ordinal));
        Tags = ArticleTags.Join(tags);
        UpdatedUtc = nowUtc;
    }

    /// <summary>Publishes or withdraws the article; a draft that goes live is dated the day it is published.</summary>
    public void SetPublished(bool publish, DateTime nowUtc)
    {
        if (publish && !IsPublished)
        {
            PublishedUtc = nowUtc;
        }

        IsPublished = publish;
    }
}
