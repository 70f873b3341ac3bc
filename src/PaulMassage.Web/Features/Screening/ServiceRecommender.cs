namespace PaulMassage.Web.Features.Screening;

/// <summary>A suggested service and, in a sentence the client reads in their plan, why it suits what they told us.</summary>
public sealed record Recommendation(string Slug, string Reason);

/// <summary>
/// Suggests services from what the pain feels like, following the practice's own plan:
/// muscle pain leans to deep tissue and trigger point work, stiffness to myofascial release,
/// knots after injury or overuse to trigger point therapy, general tension to Swedish massage.
/// </summary>
public static class ServiceRecommender
{
    public const string Swedish = "swedish-massage";
    public const string DeepTissue = "deep-tissue-massage";
    public const string TriggerPoint = "trigger-point-therapy";
    public const string MyofascialRelease = "myofascial-release";

    private static readonly (PainFeeling Feeling, Recommendation[] Suggestions)[] Rules =
    [
        (PainFeeling.MuscleAcheOrTension,
        [
            new(DeepTissue, "Your pain feels muscular, and slow, firm work reaches the deeper layers where long-held tension sits."),
            new(TriggerPoint, "Muscular pain often comes from tight knots, and steady pressure on each one helps it let go."),
        ]),
        (PainFeeling.Stiffness,
        [
            new(MyofascialRelease, "Stiffness points to tight connective tissue around the muscles, which slow, sustained stretching helps to loosen."),
        ]),
        (PainFeeling.KnotsAfterInjuryOrOveruse,
        [
            new(TriggerPoint, "The knots you describe after an injury or overuse ease with focused pressure on each one."),
        ]),
        (PainFeeling.GeneralTensionOrStress,
        [
            new(Swedish, "General tension and stress ease with long, relaxing strokes that also help the circulation."),
        ]),
    ];

    /// <summary>Service slugs in order of how many of the client's answers point to them.</summary>
    public static IReadOnlyList<string> Recommend(PainFeeling feelings) => Explain(feelings).Select(r => r.Slug).ToList();

    /// <summary>
    /// The same suggestions, in the same order, each with the reason of the first answer that points
    /// to it: what a new plan starts from (<see cref="Plans.CarePlanRules"/>).
    /// </summary>
    public static IReadOnlyList<Recommendation> Explain(PainFeeling feelings) =>
        Rules
            .Where(rule => feelings.HasFlag(rule.Feeling))
            .SelectMany(rule => rule.Suggestions.Select((suggestion, rank) => (suggestion, rank)))
            .GroupBy(x => x.suggestion.Slug)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(x => x.rank))
            .Select(g => g.First().suggestion)
            .ToList();
}
