using System.Globalization;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The addresses of the booking steps with a visit's choice (treatment, length, postcode) in their
/// query: the one place that spells them, for the steps' own links, the course page and the e-mails.
/// </summary>
/// <remarks>
/// Plain paths, as fixed as the menu's, rather than a route lookup: step 3 writes several of these
/// for every visitor, and each lookup cost more than the rest of its line.
/// </remarks>
public static class BookingLinks
{
    public const string ChoosePath = "/book";
    public const string SlotsPath = "/book/slots";
    public const string DetailsPath = "/book/details";
    public const string SignInPath = "/account/sign-in";

    /// <summary>Step 1 with what is known filled in (the treatment; the length and postcode when given).</summary>
    public static string Choose(string service, int? minutes = null, string? postcode = null) =>
        ChoosePath + "?service=" + Uri.EscapeDataString(service)
        + (minutes is int m ? "&minutes=" + m.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (string.IsNullOrEmpty(postcode) ? string.Empty : "&postcode=" + Uri.EscapeDataString(postcode));

    /// <summary>Step 2, the free times, for a whole choice; <paramref name="week"/> and <paramref name="day"/> pick what it opens on.</summary>
    public static string Slots(string service, int minutes, string postcode, DateOnly? week = null, DateOnly? day = null) =>
        SlotsPath + Query(service, minutes, postcode)
        + (week is DateOnly w ? "&week=" + Date(w) : string.Empty)
        + (day is DateOnly d ? "&day=" + Date(d) : string.Empty);

    /// <summary>Step 3 for one of the free times; <paramref name="sameAsLastTime"/> fills in the last intake's answers.</summary>
    public static string Details(string service, int minutes, string postcode, DateTime startUtc, bool sameAsLastTime = false) =>
        DetailsPath + Query(service, minutes, postcode) + "&start=" + Uri.EscapeDataString(FormTime.Value(startUtc))
        + (sameAsLastTime ? "&sameAsLastTime=true" : string.Empty);

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string SignIn(string returnUrl) => SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    private static string Query(string service, int minutes, string postcode) =>
        "?service=" + Uri.EscapeDataString(service) + "&minutes=" + minutes.ToString(CultureInfo.InvariantCulture) + "&postcode=" + Uri.EscapeDataString(postcode);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
