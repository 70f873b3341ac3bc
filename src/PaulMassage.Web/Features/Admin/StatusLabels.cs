using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Admin;

/// <summary>The back office's words for a visit's status and a screening result.</summary>
public static class StatusLabels
{
    /// <summary>A short label, for a badge.</summary>
    public static string Badge(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => "Request, not confirmed",
        AppointmentStatus.AlternativeProposed => "Other time proposed, waiting for the client",
        AppointmentStatus.Confirmed => "Confirmed",
        AppointmentStatus.Declined => "Declined",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>The state in a sentence: "it is now ...".</summary>
    public static string Sentence(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => "waiting for your answer",
        AppointmentStatus.AlternativeProposed => "waiting for the client to answer the time you proposed",
        AppointmentStatus.Confirmed => "confirmed",
        AppointmentStatus.Declined => "declined",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.Completed => "completed",
        AppointmentStatus.NoShow => "marked as a no-show",
        _ => status.ToString(),
    };

    /// <summary>A Bootstrap badge class; the text always says the status too, colour is never alone.</summary>
    public static string BadgeClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested or AppointmentStatus.AlternativeProposed => "text-bg-warning",
        AppointmentStatus.Confirmed => "text-bg-success",
        AppointmentStatus.Completed => "text-bg-info",
        _ => "text-bg-secondary",
    };

    public static string Screening(ScreeningOutcome? outcome) => outcome switch
    {
        null => "No intake recorded",
        ScreeningOutcome.Clear => "Clear: nothing in the answers needs checking",
        ScreeningOutcome.NeedsReview => "Needs review before you confirm",
        ScreeningOutcome.Stop => "Stopped: red flag",
        _ => outcome.ToString() ?? string.Empty,
    };
}
