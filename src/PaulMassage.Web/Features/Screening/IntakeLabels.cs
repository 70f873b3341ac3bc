namespace PaulMassage.Web.Features.Screening;

/// <summary>The words the site uses for each intake answer.</summary>
public static class IntakeLabels
{
    public static readonly IReadOnlyDictionary<BodyArea, string> Areas = new Dictionary<BodyArea, string>
    {
        [BodyArea.Neck] = "Neck",
        [BodyArea.Shoulders] = "Shoulders",
        [BodyArea.UpperBack] = "Upper back",
        [BodyArea.MidBack] = "Middle of the back",
        [BodyArea.LowerBack] = "Lower back",
        [BodyArea.Hips] = "Hips",
        [BodyArea.Legs] = "Legs",
    };

    public static readonly IReadOnlyDictionary<PainDuration, string> Durations = new Dictionary<PainDuration, string>
    {
        [PainDuration.UnderSixWeeks] = "Less than 6 weeks",
        [PainDuration.SixToTwelveWeeks] = "6 to 12 weeks",
        [PainDuration.OverTwelveWeeks] = "More than 12 weeks",
    };

    public static readonly IReadOnlyDictionary<PainFeeling, string> Feelings = new Dictionary<PainFeeling, string>
    {
        [PainFeeling.MuscleAcheOrTension] = "An aching or tense muscle",
        [PainFeeling.Stiffness] = "Stiffness, hard to move or bend",
        [PainFeeling.KnotsAfterInjuryOrOveruse] = "Tight knots after an injury or overuse",
        [PainFeeling.GeneralTensionOrStress] = "General tension or stress",
        [PainFeeling.SharpOrShooting] = "Sharp or shooting pain",
    };

    public static readonly IReadOnlyDictionary<Contraindication, string> Contraindications = new Dictionary<Contraindication, string>
    {
        [Contraindication.RecentSurgery] = "Surgery in the last three months",
        [Contraindication.BloodClotsOrDvt] = "Blood clots or DVT, now or in the past",
        [Contraindication.BloodThinners] = "Taking blood-thinning medicine",
        [Contraindication.FracturesOrOsteoporosis] = "A fracture, or osteoporosis",
        [Contraindication.Pregnancy] = "Pregnancy",
        [Contraindication.SkinCondition] = "A skin condition, rash or wound on the back",
        [Contraindication.Fever] = "A high temperature or feeling unwell",
        [Contraindication.CancerTreatment] = "Cancer treatment, now or recently",
        [Contraindication.Other] = "Another condition Paul should know about",
    };

    public static readonly IReadOnlyDictionary<RedFlag, string> RedFlags = new Dictionary<RedFlag, string>
    {
        [RedFlag.SaddleNumbness] = "Numbness or tingling around the buttocks, genitals or inner thighs",
        [RedFlag.NewBladderOrBowelProblems] = "New trouble controlling or passing urine or stools",
        [RedFlag.WorseningLegWeakness] = "Weakness in one or both legs that is getting worse",
        [RedFlag.PainAfterFallOrAccident] = "The pain started after a fall, a car accident or another injury",
        [RedFlag.BackPainWithFever] = "Back pain together with a high temperature",
        [RedFlag.UnexplainedWeightLoss] = "Losing weight without trying",
        [RedFlag.ConstantPainAtNight] = "Pain that is there all the time, even lying still at night",
    };

    /// <summary>The answer the red-flag stop page offers when every flag given is one a doctor can clear.</summary>
    public const string SeenByGpSince = "My GP or another doctor has seen me about this since the fall or accident";

    /// <summary>The request history's note on a request that went to review because of that answer.</summary>
    public const string SeenByGpSinceReview = "The pain started after a fall or accident; the client says their GP or another doctor has seen them since. Check before confirming.";

    public static IEnumerable<string> Describe<T>(T flags, IReadOnlyDictionary<T, string> labels)
        where T : struct, Enum =>
        labels.Where(l => flags.HasFlag(l.Key)).Select(l => l.Value);
}
