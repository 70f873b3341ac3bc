using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

/// <summary>Who answers the intake questions: the client online, or the therapist for them on the phone.</summary>
public enum IntakeAsker
{
    /// <summary>Online: every main answer is needed.</summary>
    Client,

    /// <summary>On the phone: the intake is optional, but once started its main answers are needed.</summary>
    Therapist,
}

/// <summary>
/// The intake and red-flag questions, as both booking forms ask them (each as its <c>Intake</c>
/// property, rendered by the partial <c>_IntakeQuestions</c>; the labels are the client's questions,
/// which the therapist reads out on the phone). The annotations check each answer's shape;
/// <see cref="Check"/> checks which answers are needed, the one place for that and for the
/// red-flag answer.
/// </summary>
public sealed class IntakeQuestions
{
    [StringLength(2000, ErrorMessage = "Please keep this under 2,000 characters.")]
    [Display(Name = "What is troubling you?")]
    [DataType(DataType.MultilineText)]
    public string? MainComplaint { get; set; }

    [Display(Name = "Where does it hurt?")]
    public List<BodyArea> PainAreas { get; set; } = [];

    [Range(0, 10, ErrorMessage = "Choose a number from 0 to 10.")]
    [Display(Name = "How strong is the pain at its worst?")]
    public int? PainIntensity { get; set; }

    [Display(Name = "How long have you had it?")]
    public PainDuration? Duration { get; set; }

    [Display(Name = "What does it feel like? Tick all that fit.")]
    public List<PainFeeling> Feelings { get; set; } = [];

    [Display(Name = "Medical history: tick any that apply")]
    public List<Contraindication> Contraindications { get; set; } = [];

    [StringLength(4000, ErrorMessage = "Please keep this under 4,000 characters.")]
    [Display(Name = "Anything else about your health Paul should know (optional)")]
    [DataType(DataType.MultilineText)]
    public string? MedicalHistory { get; set; }

    /// <summary>
    /// Asked on every booking, intake or not: any one ticked stops the booking with the medical advice.
    /// </summary>
    [Display(Name = "Do any of these apply to you now?")]
    public List<RedFlag> RedFlags { get; set; } = [];

    /// <summary>"None of these apply". Not an intake answer in itself (see <see cref="IsStarted"/>).</summary>
    [Display(Name = "None of these apply to me")]
    public bool NoRedFlags { get; set; }

    /// <summary>
    /// Given on the red-flag stop page: a doctor has seen the client since the fall or accident
    /// (<see cref="ScreeningRules.ClearedBySeeingGp"/>). Not asked on the form itself.
    /// </summary>
    [Display(Name = IntakeLabels.SeenByGpSince)]
    public bool SeenByGpSince { get; set; }

    /// <summary>
    /// "Same as last time": the answers of the client's latest intake, ready to change. The red-flag
    /// question starts unanswered, neither a flag nor "None of these apply", whatever
    /// <paramref name="last"/> says of it: health can change, so it is asked afresh on every booking.
    /// </summary>
    public static IntakeQuestions SameAsLastTime(IntakeDetails last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new()
        {
            MainComplaint = last.MainComplaint,
            PainAreas = IntakeLabels.Areas.Keys.Where(a => last.PainAreas.HasFlag(a)).ToList(),
            PainIntensity = last.PainIntensity,
            Duration = last.Duration,
            Feelings = IntakeLabels.Feelings.Keys.Where(f => last.Feelings.HasFlag(f)).ToList(),
            Contraindications = IntakeLabels.Contraindications.Keys.Where(c => last.Contraindications.HasFlag(c)).ToList(),
            MedicalHistory = last.MedicalHistory,
        };
    }

    /// <summary>
    /// Whether any intake answer was given. The red flags are not counted, as they are asked on every call.
    /// </summary>
    public bool IsStarted =>
        !string.IsNullOrWhiteSpace(MainComplaint) || PainAreas.Count > 0 || PainIntensity is not null || Duration is not null
        || Feelings.Count > 0 || Contraindications.Count > 0 || !string.IsNullOrWhiteSpace(MedicalHistory);

    /// <summary>
    /// The red flags ticked, of those offered, as one value to screen before anything else on the
    /// form is checked. A flag ticked together with "None of these apply" still counts: when in
    /// doubt, the client sees the advice.
    /// </summary>
    public RedFlag TickedRedFlags => Combine(RedFlags.Where(f => Enum.IsDefined(f) && f != RedFlag.None).ToList());

    /// <summary>
    /// Adds an error, under <paramref name="prefix"/> (the form's property name), for each needed
    /// answer missing and for answers that were not among those offered. Online every main answer
    /// is needed; on the phone only once the intake is started.
    /// </summary>
    public void Check(ModelStateDictionary modelState, string prefix, IntakeAsker asker)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        string Key(string field) => $"{prefix}.{field}";

        if (asker == IntakeAsker.Client)
        {
            Need(string.IsNullOrWhiteSpace(MainComplaint), nameof(MainComplaint), "Tell us in a few words what the problem is.");
            Need(PainAreas.Count == 0, nameof(PainAreas), "Choose at least one place where it hurts.");
            Need(PainIntensity is null, nameof(PainIntensity), "Choose how strong the pain is, from 0 to 10.");
            Need(Duration is null, nameof(Duration), "Choose how long you have had the pain.");
            Need(Feelings.Count == 0, nameof(Feelings), "Choose at least one description of the pain.");
            CheckRedFlagAnswer("Tick any of these that apply, or tick \"None of these apply to me\".");
        }
        else if (IsStarted)
        {
            Need(string.IsNullOrWhiteSpace(MainComplaint), nameof(MainComplaint), "You started the intake: note the main complaint, or clear the intake answers.");
            Need(PainIntensity is null, nameof(PainIntensity), "You started the intake: choose how strong the pain is, from 0 to 10.");
            Need(Duration is null, nameof(Duration), "You started the intake: choose how long they have had the pain.");
            CheckRedFlagAnswer("You started the intake: ask about the red flags and tick any that apply, or tick \"None of these apply to me\".");
        }

        if (!ValidFlags(PainAreas) || !ValidFlags(Feelings) || !ValidFlags(Contraindications) || !ValidFlags(RedFlags)
            || (Duration is PainDuration d && !Enum.IsDefined(d)))
        {
            modelState.AddModelError(string.Empty, "One of the answers was not one of the choices offered. Please check the form.");
        }

        void Need(bool missing, string field, string message)
        {
            if (missing && modelState.GetFieldValidationState(Key(field)) != ModelValidationState.Invalid)
            {
                modelState.AddModelError(Key(field), message);
            }
        }

        // The red-flag question needs an answer, one or more flags or "None of these apply", and not both.
        void CheckRedFlagAnswer(string unanswered)
        {
            if (RedFlags.Count == 0 && !NoRedFlags)
            {
                modelState.AddModelError(Key(nameof(RedFlags)), unanswered);
            }
            else if (RedFlags.Count > 0 && NoRedFlags)
            {
                modelState.AddModelError(Key(nameof(RedFlags)), "You ticked a symptom and also \"None of these apply\". Please check your answer.");
            }
        }
    }

    /// <summary>The answers as stored, once <see cref="Check"/> found them complete.</summary>
    public IntakeDetails ToDetails(RedFlag redFlags) =>
        new(
            MainComplaint!.Trim(),
            Combine(PainAreas),
            PainIntensity!.Value,
            Duration!.Value,
            Combine(Feelings),
            Combine(Contraindications),
            BookingFormMapper.NullIfBlank(MedicalHistory),
            redFlags,
            SeenByGpSince);

    private static bool ValidFlags<T>(List<T> values)
        where T : struct, Enum =>
        values.All(v => Enum.IsDefined(v) && Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0);

    private static T Combine<T>(List<T> values)
        where T : struct, Enum =>
        (T)Enum.ToObject(typeof(T), values.Aggregate(0L, (all, v) => all | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
}
