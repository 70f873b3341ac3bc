using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
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
    [Display(Name = "Start time (UK time)")]
    public TimeOnly? Time { get; set; }

    public AddressQuestions Address { get; set; } = new();

    [Required(ErrorMessage = "Enter the postcode of the visit.")]
    [StringLength(10, ErrorMessage = "A UK postcode is at most 8 characters, for example SE1 7PB.")]
    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    /// <summary>More than one: a course or repeating visits, booked together (<see cref="SeriesPlanner"/>).</summary>
    [Range(1, SeriesPlanner.MaxVisits, ErrorMessage = "Book from 1 to 12 visits at a time.")]
    [Display(Name = "Number of visits")]
    public int? Visits { get; set; }

    [Range(1, 4, ErrorMessage = "Choose every 1, 2, 3 or 4 weeks.")]
    [Display(Name = "Every")]
    public int? EveryWeeks { get; set; }

    /// <summary>Repeating visits until this day (UK), at most <see cref="SeriesPlanner.MaxVisits"/>; with <see cref="Visits"/>, whichever ends first.</summary>
    [Display(Name = "Or repeat until (optional)")]
    public DateOnly? RepeatUntil { get; set; }

    /// <summary>The alternative times Paul chose for visits of the series that break a rule, by visit number.</summary>
    public Dictionary<int, DateTime> Instead { get; set; } = [];

    /// <summary>A course or repeating visits rather than one visit.</summary>
    public bool IsSeries => (Visits ?? 1) > 1 || RepeatUntil is not null;

    /// <summary>Book outside working hours, notice, horizon, time off or area. Never past a clash.</summary>
    [Display(Name = "Book it anyway: I know it is outside my usual hours, notice, time off or area")]
    public bool OverrideRules { get; set; }

    /// <summary>
    /// The intake is optional on the phone, but the red flags are asked on every call: any one ticked
    /// stops the booking with the medical advice. An answer to them is required only when the intake
    /// is recorded, since a stored intake says "no red flags" and that must mean they were asked.
    /// </summary>
    public IntakeQuestions Intake { get; set; } = new();

    [Display(Name = "The client agreed on the phone that I may keep these health answers, and to the 24-hour cancellation policy")]
    public bool IntakeConsent { get; set; }

    /// <summary>The client's opt-out of review requests, offered where the address is collected (PECR's soft opt-in), as on the public form.</summary>
    [Display(Name = "They do not want to be asked for a review after a visit")]
    public bool NoReviewRequests { get; set; }

    /// <summary>
    /// Checks what annotations cannot (postcode, quarter-hour start, a treatment length that exists,
    /// a complete intake, red-flag answer included, when one is started) and turns a valid form into a <see cref="PhoneBooking"/>.
    /// </summary>
    public PhoneBooking? ToBooking(ModelStateDictionary modelState, IReadOnlyList<ServiceSummary> services, PracticeClock clock)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);

        var service = VisitChoiceRules.CheckService(services, Service, Minutes, modelState);

        if (Time is TimeOnly time && (time.Minute % AvailabilityRules.GridMinutes != 0 || time.Second != 0))
        {
            modelState.AddModelError(nameof(Time), "Choose a start time on the quarter hour, for example 10:00, 10:15 or 10:30.");
        }

        var postcode = VisitChoiceRules.CheckPostcode(Postcode, modelState);

        if (RepeatUntil is DateOnly until && Date is DateOnly first && until <= first)
        {
            modelState.AddModelError(nameof(RepeatUntil), "Choose a last day after the first visit's date.");
        }

        Intake.Check(modelState, nameof(Intake), IntakeAsker.Therapist);
        if (Intake.IsStarted && !IntakeConsent)
        {
            modelState.AddModelError(nameof(IntakeConsent), "Health answers can only be kept with the client's consent. Tick the box once they have agreed, or clear the intake answers.");
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
            Address.AddressLine1!.Trim(),
            BookingFormMapper.NullIfBlank(Address.AddressLine2),
            Address.Town!.Trim(),
            postcode,
            BookingFormMapper.NullIfBlank(Address.AccessNotes),
            OverrideRules,
            Intake.IsStarted ? Intake.ToDetails(RedFlag.None) : null,
            IsSeries
                ? new SeriesRepeat(EveryWeeks ?? 1, RepeatUntil is null || (Visits ?? 1) > 1 ? Visits : null, RepeatUntil,
                    Instead.ToDictionary(i => i.Key, i => FormTime.AsUtc(i.Value)!.Value))
                : null,
            NoReviewRequests);
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

    /// <summary>"Book again": the client whose last visit filled in the form; null otherwise.</summary>
    public ClientLookup? BookingAgain { get; set; }

    /// <summary>A course or repeating series that was not booked: each visit, its problems and alternative.</summary>
    public IReadOnlyList<PlannedVisit> SeriesPlan { get; init; } = [];

    /// <summary>Another booking took one of the series' times between the check and the save.</summary>
    public bool SeriesLostRace { get; init; }
}
