namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// A self-help item as the client reads it (in their plan, on screen or printed) and as Paul
/// previews it: the item's words, its drawing, the article that explains it and, in a plan, Paul's
/// personal note for this client.
/// </summary>
public sealed record SelfHelpCard(
    int ItemId,
    string Title,
    SelfHelpKind Kind,
    string Summary,
    IReadOnlyList<string> Steps,
    string? HowOften,
    string? WhenToStop,
    string? Drawing,
    string? ArticleSlug,
    string? Note = null,
    string? IdPrefix = null)
{
    /// <summary>The card's id on its page: unique even when a page shows the same item in two plan versions.</summary>
    public string HtmlId => $"{IdPrefix ?? "self-help"}-{ItemId}";

    public static SelfHelpCard From(SelfHelpItem item, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Title, item.Kind, item.Summary, item.StepList, item.HowOften, item.WhenToStop, item.Drawing, item.ArticleSlug, note);
    }

    public static string KindLabel(SelfHelpKind kind) => kind switch
    {
        SelfHelpKind.Exercise => "Exercise",
        SelfHelpKind.SelfMassage => "Self-massage",
        _ => "Keeping your back well",
    };

    /// <summary>The heading of a group of items of one kind, in a plan.</summary>
    public static string GroupHeading(SelfHelpKind kind) => kind switch
    {
        SelfHelpKind.Exercise => "Exercises",
        SelfHelpKind.SelfMassage => "Self-massage",
        _ => "Keeping your back well",
    };
}
