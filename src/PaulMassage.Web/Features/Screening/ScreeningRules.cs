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
    IReadOnlyList<Contraindication> ReviewReasons);

/// <summary>
/// Every screening rule in one place. Red flags are checked first because they must stop the
/// booking whatever else the client answered.
/// </summary>
public static class ScreeningRules
{
    /// <summary>Signs of possible nerve compression (cauda equina) or similar: emergency care.</summary>
    public const RedFlag EmergencyFlags =
        RedFlag.SaddleNumbness | RedFlag.NewBladderOrBowelProblems | RedFlag.WorseningLegWeakness;

    public static ScreeningResult Screen(IntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);

        if (StopFor(answers.RedFlags) is { } stop)
        {
            return stop;
        }

        var reasons = Split(answers.Contraindications);
        return reasons.Count > 0
            ? new ScreeningResult(ScreeningOutcome.NeedsReview, MedicalUrgency.None, [], reasons)
            : new ScreeningResult(ScreeningOutcome.Clear, MedicalUrgency.None, [], []);
    }

    /// <summary>
    /// The red-flag rule on its own: a stop with its urgency when any red flag is given, otherwise
    /// null. Forms call it before checking any other answer, so the medical advice never waits
    /// behind a missing phone number.
    /// </summary>
    public static ScreeningResult? StopFor(RedFlag redFlags)
    {
        var flags = Split(redFlags);
        if (flags.Count == 0)
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
