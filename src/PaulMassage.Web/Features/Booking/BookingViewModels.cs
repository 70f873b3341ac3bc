using System.ComponentModel.DataAnnotations;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

/// <summary>Step 1: what and where. Bound from the query string, so every step is a plain link.</summary>
public class VisitChoice
{
    [Required(ErrorMessage = "Choose a treatment.")]
    [Display(Name = "Treatment")]
    public string? Service { get; set; }

    [Required(ErrorMessage = "Choose how long the visit should be.")]
    [Display(Name = "Length")]
    public int? Minutes { get; set; }

    [Required(ErrorMessage = "Enter the postcode of the address Paul will visit.")]
    [StringLength(10, ErrorMessage = "A UK postcode is at most 8 characters, for example SE1 7PB.")]
    [Display(Name = "Postcode of the visit")]
    public string? Postcode { get; set; }
}

public sealed class ChooseVisitPage
{
    public required VisitChoice Choice { get; init; }

    public required IReadOnlyList<ServiceSummary> Services { get; init; }

    /// <summary>What the client said the pain feels like, for the suggestion.</summary>
    public List<PainFeeling> Feelings { get; init; } = [];

    public IReadOnlyList<ServiceSummary> Suggested { get; init; } = [];

    public string? OutOfAreaDistrict { get; init; }

    public string ServedDistricts { get; init; } = string.Empty;
}

public sealed record SlotDay(DateOnly Day, IReadOnlyList<FreeSlot> Slots);

/// <summary>One day of the strip on the time-choice step: how many starts are free on it.</summary>
public sealed record StripDay(DateOnly Day, int FreeCount);

/// <summary>A part of the chosen day (morning, afternoon, evening) and its free starts.</summary>
public sealed record DayPart(string Name, IReadOnlyList<FreeSlot> Slots)
{
    /// <summary>Morning before noon, afternoon before 5 pm, evening after (local time).</summary>
    public static IReadOnlyList<DayPart> Of(IReadOnlyList<FreeSlot> slots) =>
    [
        new("Morning", slots.Where(s => s.LocalStart.Hour < 12).ToList()),
        new("Afternoon", slots.Where(s => s.LocalStart.Hour is >= 12 and < 17).ToList()),
        new("Evening", slots.Where(s => s.LocalStart.Hour >= 17).ToList()),
    ];
}

/// <summary>Step 2: a strip of a week's days with their free counts, and the chosen day's times by part of the day.</summary>
public sealed class ChooseSlotPage
{
    public required VisitChoice Choice { get; init; }

    public required ServiceSummary Service { get; init; }

    /// <summary>The first day of the strip.</summary>
    public required DateOnly WeekStart { get; init; }

    public DateOnly? PreviousWeek { get; init; }

    public DateOnly? NextWeek { get; init; }

    public required IReadOnlyList<StripDay> Strip { get; init; }

    /// <summary>The day whose times are shown.</summary>
    public required DateOnly Day { get; init; }

    public required IReadOnlyList<DayPart> Parts { get; init; }

    /// <summary>The first and last day a visit can be booked on, for the date field.</summary>
    public required DateOnly FirstDay { get; init; }

    public required DateOnly LastDay { get; init; }

    /// <summary>The date as typed in the date field, kept when it cannot be shown.</summary>
    public string? DayTyped { get; init; }

    /// <summary>Why the typed date cannot be shown; null when it can.</summary>
    public string? DayError { get; init; }
}

/// <summary>Step 3: who, where exactly, and the intake assessment. Every field is checked on the server.</summary>
public class BookingForm : VisitChoice
{
    [Required(ErrorMessage = "Choose a time for the visit.")]
    public DateTime? Start { get; set; }

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Your name can be at most 100 characters.")]
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [Mailbox]
    [StringLength(254, ErrorMessage = "That e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter a phone number Paul can reach you on.")]
    [RegularExpression(@"^\+?[0-9 ()\-]{10,20}$", ErrorMessage = "Enter a UK phone number, for example 07700 900123.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    /// <summary>Where Paul should come; the postcode is the step-1 <see cref="VisitChoice.Postcode"/>.</summary>
    public AddressQuestions Address { get; set; } = new();

    public IntakeQuestions Intake { get; set; } = new();

    [Display(Name = "I agree that Paul Massage may keep and use the health information in this form to plan and give my treatment. Only Paul and I can see it.")]
    public bool ConsentToHealthData { get; set; }

    [Display(Name = "I accept the cancellation policy.")]
    public bool AcceptCancellationPolicy { get; set; }

    /// <summary>The client's opt-out of review requests, offered where the address is collected (PECR's soft opt-in).</summary>
    [Display(Name = "Do not ask me for a review after a visit.")]
    public bool NoReviewRequests { get; set; }

    /// <summary>A gift voucher's code, if the client has one: checked now, used at the visit.</summary>
    [StringLength(40, ErrorMessage = "A voucher code is 12 letters and numbers, like ABCD-EFGH-JKLM.")]
    [Display(Name = "Gift voucher code (optional)")]
    public string? VoucherCode { get; set; }
}

public sealed class BookingDetailsPage
{
    public required BookingForm Form { get; init; }

    public required ServiceSummary Service { get; init; }

    public required FreeSlot Slot { get; init; }

    /// <summary>Other free times when the chosen one was just taken.</summary>
    public IReadOnlyList<FreeSlot> Alternatives { get; init; } = [];

    public bool SlotWasTaken { get; init; }

    /// <summary>The signed-in client's confirmed address, which the booking uses; null when not signed in.</summary>
    public string? AccountEmail { get; init; }

    /// <summary>
    /// A visitor's first look at the form: nothing typed, nothing filled in from an account, no
    /// errors. Its questions are then the same markup for everyone, so the view renders them once
    /// and keeps them (the form's hidden fields and antiforgery token stay per request).
    /// </summary>
    public bool IsUntouched { get; init; }

    /// <summary>The day (UK) of the visit of the signed-in client's latest intake, offered as "same as last time"; null when there is none to offer.</summary>
    public DateOnly? LastIntakeDay { get; set; }

    /// <summary>The intake below was filled in from that one.</summary>
    public bool SameAsLastTime { get; set; }
}

public sealed class SafetyStopPage
{
    public required ScreeningResult Screening { get; init; }

    /// <summary>
    /// The answers just posted, to send again with "my GP has seen me since" when the GP can lift
    /// the stop (<see cref="ScreeningResult.GpCanClear"/>); empty when the page offers no such answer.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Resubmit { get; init; } = [];

    /// <summary>Where <see cref="Resubmit"/> posts to: the form that was stopped.</summary>
    public string? ResubmitAction { get; init; }
}
