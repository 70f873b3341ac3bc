namespace PaulMassage.Web.Features.Screening;

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

    private static readonly (PainFeeling Feeling, string[] Slugs)[] Rules =
    [
        (PainFeeling.MuscleAcheOrTension, [DeepTissue, TriggerPoint]),
        (PainFeeling.Stiffness, [MyofascialRelease]),
        (PainFeeling.KnotsAfterInjuryOrOveruse, [TriggerPoint]),
        (PainFeeling.GeneralTensionOrStress, [Swedish]),
    ];

    /// <summary>Service slugs in order of how many of the client's answers point to them.</summary>
    public static IReadOnlyList<string> Recommend(PainFeeling feelings) =>
        Rules
            .Where(rule => feelings.HasFlag(rule.Feeling))
            .SelectMany(rule => rule.Slugs.Select((slug, rank) => (slug, rank)))
            .GroupBy(x => x.slug)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(x => x.rank))
            .Select(g => g.Key)
            .ToList();
}
