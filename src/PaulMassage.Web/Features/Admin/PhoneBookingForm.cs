using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>A booking the therapist types in while on the phone. The intake is optional here.</summary>
public sealed class PhoneBookingForm
{
    [Required(ErrorMessage = "Enter the client's e-mail address.")]
    [Mailbox]
    [StringLength(254, ErrorMessage = "That e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [RegularExpression(@"^\+?[0-9 ()\-]{10,20}$", ErrorMessage = "Enter a UK phone number, for example 07700 900123.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Choose a treatment.")]
    [Display(Name = "Treatment")]
    public string? Service { get; set; }

    [Required(ErrorMessage = "Choose the length of the visit.")]
    [Display(Name = "Length")]
    public int? Minutes { get; set; }

    [Required(ErrorMessage = "Choose the date of the visit.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the start time, for example 10:15.")]
    [Display(Name = "Start time")]
    public TimeOnly? Time { get; set; }

    [Required(ErrorMessage = "Enter the first line of the address.")]
    [StringLength(200, ErrorMessage = "The first line can be at most 200 characters.")]
    [Display(Name = "Address line 1")]
    public string? AddressLine1 { get; set; }

    [StringLength(200, ErrorMessage = "The second line can be at most 200 characters.")]
    [Display(Name = "Address line 2 (optional)")]
    public string? AddressLine2 { get; set; }

    [Required(ErrorMessage = "Enter the town or city.")]
    [StringLength(100, ErrorMessage = "The town can be at most 100 characters.")]
    [Display(Name = "Town or city")]
    public string? Town { get; set; }

    [Required(ErrorMessage = "Enter the postcode of the visit.")]
    [StringLength(10, ErrorMessage = "A UK postcode is at most 8 characters, for example SE1 7PB.")]
    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [StringLength(1000, ErrorMessage = "Access notes can be at most 1,000 characters.")]
    [Display(Name = "Getting in (optional)")]
    [DataType(DataType.MultilineText)]
    public string? AccessNotes { get; set; }

    /// <summary>Book outside working hours, notice, horizon, time off or area. Never past a clash.</summary>
    [Display(Name = "Book it anyway: I know it is outside my usual hours, notice, time off or area")]
    public bool OverrideRules { get; set; }

    [StringLength(2000, ErrorMessage = "Please keep this under 2,000 characters.")]
    [Display(Name = "Main complaint (optional)")]
    [DataType(DataType.MultilineText)]
    public string? MainComplaint { get; set; }

    public List<BodyArea> PainAreas { get; set; } = [];

    [Range(0, 10, ErrorMessage = "Choose a number from 0 to 10.")]
    [Display(Name = "Pain at its worst, 0 to 10")]
    public int? PainIntensity { get; set; }

    [Display(Name = "How long they have had it")]
    public PainDuration? Duration { get; set; }

    public List<PainFeeling> Feelings { get; set; } = [];

    public List<Contraindication> Contraindications { get; set; } = [];

    /// <summary>
    /// Red flags are not part of the optional intake: they are asked on every call, and any one ticked
    /// stops the booking with the medical advice, intake or not. An answer (a flag, or "None of these
    /// apply (asked)") is required only when the intake is recorded, since a stored intake says "no red
    /// flags" and that must mean they were asked; a booking without an intake may still be saved with
    /// the question unanswered, as before.
    /// </summary>
    public List<RedFlag> RedFlags { get; set; } = [];

    /// <summary>
    /// "None of these apply (asked)". Not an intake answer in itself (see <see cref="HasIntake"/>):
    /// ticking it alone does not start an intake.
    /// </summary>
    [Display(Name = "None of these apply (asked)")]
    public bool NoRedFlags { get; set; }

    [StringLength(4000, ErrorMessage = "Please keep this under 4,000 characters.")]
    [Display(Name = "Anything else about their health (optional)")]
    [DataType(DataType.MultilineText)]
    public string? MedicalHistory { get; set; }

    [Display(Name = "The client agreed on the phone that I may keep these health answers, and to the 24-hour cancellation policy")]
    public bool IntakeConsent { get; set; }

    /// <summary>
    /// Whether any intake answer was given: then the main ones are needed, and the red-flag answer.
    /// The red flags themselves are not counted, as they are asked on every call.
    /// </summary>
    public bool HasIntake =>
        !string.IsNullOrWhiteSpace(MainComplaint) || PainAreas.Count > 0 || PainIntensity is not null || Duration is not null
        || Feelings.Count > 0 || Contraindications.Count > 0 || !string.IsNullOrWhiteSpace(MedicalHistory);

    /// <summary>
    /// Checks what annotations cannot (postcode, quarter-hour start, a treatment length that exists,
    /// a complete intake, red-flag answer included, when one is started) and turns a valid form into a <see cref="PhoneBooking"/>.
    /// </summary>
    public PhoneBooking? ToBooking(ModelStateDictionary modelState, IReadOnlyList<ServiceSummary> services, PracticeClock clock)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);

        var service = services.SingleOrDefault(s => s.Slug == Service);
        if (Service is not null && service is null)
        {
            modelState.AddModelError(nameof(Service), "Choose one of the treatments listed.");
        }
        else if (service is not null && Minutes is int minutes && service.Options.All(o => o.Minutes != minutes))
        {
            modelState.AddModelError(nameof(Minutes), $"{service.Name} is offered for {string.Join(" or ", service.Options.Select(o => o.Minutes))} minutes.");
        }

        if (Time is TimeOnly time && (time.Minute % AvailabilityRules.GridMinutes != 0 || time.Second != 0))
        {
            modelState.AddModelError(nameof(Time), "Choose a start time on the quarter hour, for example 10:00, 10:15 or 10:30.");
        }

        UkPostcode? postcode = null;
        if (Postcode is not null && !UkPostcode.TryParse(Postcode, out postcode))
        {
            modelState.AddModelError(nameof(Postcode), "Enter a full UK postcode, for example SE1 7PB.");
        }

        if (HasIntake)
        {
            if (string.IsNullOrWhiteSpace(MainComplaint))
            {
                modelState.AddModelError(nameof(MainComplaint), "You started the intake: note the main complaint, or clear the intake answers.");
            }

            if (PainIntensity is null)
            {
                modelState.AddModelError(nameof(PainIntensity), "You started the intake: choose how strong the pain is, from 0 to 10.");
            }

            if (Duration is null)
            {
                modelState.AddModelError(nameof(Duration), "You started the intake: choose how long they have had the pain.");
            }

            BookingFormMapper.CheckRedFlagAnswer(modelState, RedFlags, NoRedFlags,
                "You started the intake: ask about the red flags and tick any that apply, or tick \"None of these apply (asked)\".");

            if (!IntakeConsent)
            {
                modelState.AddModelError(nameof(IntakeConsent), "Health answers can only be kept with the client's consent. Tick the box once they have agreed, or clear the intake answers.");
            }
        }

        if (!BookingFormMapper.ValidFlags(PainAreas) || !BookingFormMapper.ValidFlags(Feelings) || !BookingFormMapper.ValidFlags(Contraindications)
            || !BookingFormMapper.ValidFlags(RedFlags) || (Duration is PainDuration d && !Enum.IsDefined(d)))
        {
            modelState.AddModelError(string.Empty, "One of the intake answers was not one of the choices offered. Please check the form.");
        }

        if (!modelState.IsValid || postcode is null || service is null)
        {
            return null;
        }

        return new PhoneBooking(
            Email!.Trim(),
            BookingFormMapper.NullIfBlank(Name),
            BookingFormMapper.NullIfBlank(Phone),
            service.Slug,
            Minutes!.Value,
            clock.ToUtc(Date!.Value, Time!.Value),
            AddressLine1!.Trim(),
            BookingFormMapper.NullIfBlank(AddressLine2),
            Town!.Trim(),
            postcode,
            BookingFormMapper.NullIfBlank(AccessNotes),
            OverrideRules,
            HasIntake
                ? new IntakeDetails(
                    MainComplaint!.Trim(),
                    BookingFormMapper.Combine(PainAreas),
                    PainIntensity!.Value,
                    Duration!.Value,
                    BookingFormMapper.Combine(Feelings),
                    BookingFormMapper.Combine(Contraindications),
                    BookingFormMapper.NullIfBlank(MedicalHistory),
                    RedFlag.None)
                : null);
    }
}

public sealed class PhoneBookingPage
{
    public required PhoneBookingForm Form { get; init; }

    public required IReadOnlyList<ServiceSummary> Services { get; init; }

    /// <summary>Why the time or place was refused, when it was.</summary>
    public IReadOnlyList<VisitTimeProblem> Problems { get; init; } = [];

    /// <summary>The result of looking the client up by e-mail: true found, false new, null not looked up.</summary>
    public bool? ClientFound { get; init; }
}
