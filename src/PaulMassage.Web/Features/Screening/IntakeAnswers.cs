namespace PaulMassage.Web.Features.Screening;

/// <summary>Where the client feels the pain, as marked on the body map.</summary>
[Flags]
public enum BodyArea
{
    None = 0,
    Neck = 1,
    Shoulders = 2,
    UpperBack = 4,
    MidBack = 8,
    LowerBack = 16,
    Hips = 32,
    Legs = 64,
}

public enum PainDuration
{
    UnderSixWeeks = 1,
    SixToTwelveWeeks = 2,
    OverTwelveWeeks = 3,
}

/// <summary>What the pain feels like; drives the service recommendation.</summary>
[Flags]
public enum PainFeeling
{
    None = 0,
    MuscleAcheOrTension = 1,
    Stiffness = 2,
    KnotsAfterInjuryOrOveruse = 4,
    SharpOrShooting = 8,
    GeneralTensionOrStress = 16,
}

/// <summary>Conditions that do not stop a request but need the therapist to review it first.</summary>
[Flags]
public enum Contraindication
{
    None = 0,
    RecentSurgery = 1,
    BloodClotsOrDvt = 2,
    BloodThinners = 4,
    FracturesOrOsteoporosis = 8,
    Pregnancy = 16,
    SkinCondition = 32,
    Fever = 64,
    CancerTreatment = 128,
    Other = 256,
}

/// <summary>Symptoms that need medical attention rather than massage: they stop the booking.</summary>
[Flags]
public enum RedFlag
{
    None = 0,
    SaddleNumbness = 1,
    NewBladderOrBowelProblems = 2,
    WorseningLegWeakness = 4,
    PainAfterFallOrAccident = 8,
    BackPainWithFever = 16,
    UnexplainedWeightLoss = 32,
    ConstantPainAtNight = 64,
}

/// <summary>
/// The screening-relevant answers of an intake assessment. <paramref name="SeenByGpSince"/>: the
/// client says their GP has seen them since the fall or accident (see <see cref="ScreeningRules.ClearedBySeeingGp"/>).
/// </summary>
public sealed record IntakeAnswers(RedFlag RedFlags, Contraindication Contraindications, PainFeeling Feelings, bool SeenByGpSince = false);
