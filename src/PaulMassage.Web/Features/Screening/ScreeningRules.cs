namespace PaulMassage.Web.Features.Screening;

public enum ScreeningOutcome
{
    /// <summary>Nothing in the answers stands in the way of a visit.</summary>
    Clear = 0,

    /// <summary>The request goes through, flagged for the therapist to review before confirming.</summary>
    NeedsReview = 1,

    /// <summary>The answers describe a red flag: no booking, seek medical help.</summary>
    Stop = 2,
}

/// <summary>How urgently a red flag needs medical help.</summary>
public enum MedicalUrgency
{
    None = 0,

    /// <summary>GP or NHS 111.</summary>
    SeeGpOrCall111 = 1,

    /// <summary>999 or A&amp;E now.</summary>
    Emergency = 2,
}

public sealed record ScreeningResult(
    ScreeningOutcome Outcome,
    MedicalUrgency Urgency,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<Contraindication> ReviewReasons)
{
    /// <summary>
    /// A stop that the client's GP can lift: every flag given is one a doctor can clear
    /// (<see cref="ScreeningRules.ClearedBySeeingGp"/>), so the stop page offers "my GP has seen me since".
    /// </summary>
    public bool GpCanClear => Outcome == ScreeningOutcome.Stop && RedFlags.Count > 0
        && RedFlags.All(flag => (ScreeningRules.ClearedBySeeingGp & flag) == flag);

    /// <summary>A request that goes to the therapist for review because the client's GP has seen them since a red flag a doctor can clear.</summary>
    public bool ClearedByGp => Outcome == ScreeningOutcome.NeedsReview && RedFlags.Count > 0;
}

/// <summary>
/// Every screening rule in one place. Red flags are checked first because they must stop the
/// booking whatever else the client answered.
/// </summary>
public static class ScreeningRules
{
    /// <summary>Signs of possible nerve compression (cauda equina) or similar: emergency care.</summary>
    public const RedFlag EmergencyFlags =
        RedFlag.SaddleNumbness | RedFlag.NewBladderOrBowelProblems | RedFlag.WorseningLegWeakness;

    /// <summary>
    /// The red flags a doctor can clear: once the client says their GP has seen them since (the
    /// fall or accident), the request goes to the therapist for review instead of stopping. Never
    /// any of the <see cref="EmergencyFlags"/>: those stop the booking always.
    /// </summary>
    public const RedFlag ClearedBySeeingGp = RedFlag.PainAfterFallOrAccident;

    public static ScreeningResult Screen(IntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);

        if (StopFor(answers.RedFlags, answers.SeenByGpSince) is { } stop)
        {
            return stop;
        }

        // What is left of the red flags here is what the GP has seen: the therapist reviews it.
        var clearedByGp = Split(answers.RedFlags & ClearedBySeeingGp);
        var reasons = Split(answers.Contraindications);
        return reasons.Count > 0 || clearedByGp.Count > 0
            ? new ScreeningResult(ScreeningOutcome.NeedsReview, MedicalUrgency.None, clearedByGp, reasons)
            : new ScreeningResult(ScreeningOutcome.Clear, MedicalUrgency.None, [], []);
    }

    /// <summary>
    /// The red-flag rule on its own: a stop with its urgency when any red flag is given, otherwise
    /// null. Forms call it before checking any other answer, so the medical advice never waits
    /// behind a missing phone number. <paramref name="seenByGpSince"/>: the client says their GP
    /// has seen them since; it lifts only the <see cref="ClearedBySeeingGp"/> flags, and only when
    /// no other flag is given (the cauda equina signs always stop).
    /// </summary>
    public static ScreeningResult? StopFor(RedFlag redFlags, bool seenByGpSince = false)
    {
        var flags = Split(redFlags);
        var stopping = seenByGpSince ? redFlags & ~ClearedBySeeingGp : redFlags;
        if (Split(stopping).Count == 0)
        {
            return null;
        }

        var urgency = (redFlags & EmergencyFlags) != 0
            ? MedicalUrgency.Emergency
            : MedicalUrgency.SeeGpOrCall111;
        return new ScreeningResult(ScreeningOutcome.Stop, urgency, flags, []);
    }

    private static List<T> Split<T>(T flags)
        where T : struct, Enum
    {
        var value = Convert.ToInt64(flags, System.Globalization.CultureInfo.InvariantCulture);
        return Enum.GetValues<T>()
            .Where(f =>
            {
                var bit = Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture);
                return bit != 0 && (value & bit) == bit;
            })
            .ToList();
    }
}
