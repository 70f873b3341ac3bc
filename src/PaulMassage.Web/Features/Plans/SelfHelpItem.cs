namespace PaulMassage.Web.Features.Plans;

/// <summary>What kind of help an item is; the plan and the library group them by it.</summary>
public enum SelfHelpKind
{
    Exercise = 1,
    SelfMassage = 2,
    Advice = 3,
}

/// <summary>
/// One item of the self-help library Paul chooses from for a client's plan: a home exercise, a
/// self-massage or a piece of advice for keeping the back well, with its steps, how often, when to
/// stop, one of the site's own drawings and the article that explains it. Seeded from
/// Content/self-help, edited by Paul like the articles; withdrawn rather than deleted, so the plans
/// that chose it keep it.
/// </summary>
public partial class SelfHelpItem
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 300;
    public const int StepsMaxLength = 3000;
    public const int HowOftenMaxLength = 200;
    public const int WhenToStopMaxLength = 500;
    public const int DrawingMaxLength = 80;
    public const int ArticleSlugMaxLength = 120;

    public int Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public SelfHelpKind Kind { get; private set; }

    /// <summary>One sentence: what it is for.</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The steps, one a line.</summary>
    public string Steps { get; private set; } = string.Empty;

    public string? HowOften { get; private set; }

    public string? WhenToStop { get; private set; }

    /// <summary>The name of one of the site's drawings (<see cref="Drawings"/>), or null.</summary>
    public string? Drawing { get; private set; }

    /// <summary>The slug of the article that explains it, or null.</summary>
    public string? ArticleSlug { get; private set; }

    /// <summary>Offered for new plans; a withdrawn item stays in the plans that chose it.</summary>
    public bool IsActive { get; private set; } = true;

    public int SortOrder { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public IReadOnlyList<string> StepList => SplitSteps(Steps);

    public static SelfHelpItem Create(SelfHelpContent content, int sortOrder, DateTime nowUtc)
    {
        var item = new SelfHelpItem { SortOrder = sortOrder };
        item.Edit(content, nowUtc);
        return item;
    }

    /// <summary>Replaces the item's words (the editor has checked them).</summary>
    public void Edit(SelfHelpContent content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        Title = content.Title.Trim();
        Kind = content.Kind;
        Summary = content.Summary.Trim();
        Steps = string.Join('\n', SplitSteps(content.Steps));
        HowOften = Clean(content.HowOften);
        WhenToStop = Clean(content.WhenToStop);
        Drawing = Clean(content.Drawing);
        ArticleSlug = Clean(content.ArticleSlug);
        UpdatedUtc = nowUtc;
    }

    /// <summary>Offers the item for new plans again, or withdraws it.</summary>
    public void SetActive(bool active, DateTime nowUtc)
    {
        IsActive = active;
        UpdatedUtc = nowUtc;
    }

    /// <summary>The non-empty lines of a steps text, without list numbers or bullets typed in front of them.</summary>
    public static IReadOnlyList<string> SplitSteps(string? steps) =>
        (steps ?? string.Empty).ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim().TrimStart('-', '*', '•').Trim())
            .Select(l => ListNumber().Replace(l, string.Empty))
            .Where(l => l.Length > 0)
            .ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+[.)]\s*", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ListNumber();
}

/// <summary>The words of a self-help item, as the editor or the seed gives them.</summary>
public sealed record SelfHelpContent(string Title, SelfHelpKind Kind, string Summary, string Steps, string? HowOften, string? WhenToStop, string? Drawing, string? ArticleSlug);
