using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// Bookings made through the site itself: free starts to book, the booking form's fields, and
/// visits booked with the real form (accounts and signing in: <see cref="SigningIn"/>).
/// </summary>
public static partial class SecurityScenario
{
    /// <summary>Distinct free starts (UTC) for 60-minute visits, from two days ahead.</summary>
    public static async Task<IReadOnlyList<DateTime>> FreeStartsAsync(this PracticeAppFactory factory, int count)
    {
        await using var scope = factory.Scope();
        var availability = scope.ServiceProvider.GetRequiredService<AvailabilityService>();
        var from = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var starts = new List<DateTime>();
        var taken = new List<DateTime>();
        for (var week = 0; starts.Count < count && week < 8; week++)
        {
            foreach (var slot in await availability.FreeSlotsAsync(60, from.AddDays(7 * week), 7))
            {
                // Two hours apart, so one booking's travel buffer never blocks the next.
                if (taken.All(t => Math.Abs((t - slot.StartUtc).TotalMinutes) >= 120))
                {
                    taken.Add(slot.StartUtc);
                    starts.Add(slot.StartUtc);
                    if (starts.Count == count)
                    {
                        break;
                    }
                }
            }
        }

        return starts;
    }

    /// <summary>The booking form's fields for a valid request; tests change what they need.</summary>
    public static Dictionary<string, string> ValidBookingFields(DateTime startUtc, string name, string email) => new()
    {
        ["Service"] = "deep-tissue-massage",
        ["Minutes"] = "60",
        ["Postcode"] = "SE1 7PB",
        ["Start"] = startUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["Name"] = name,
        ["Email"] = email,
        ["Phone"] = "07700 900456",
        ["Address.AddressLine1"] = "12 Example Street",
        ["Address.Town"] = "London",
        ["Address.AccessNotes"] = "Ring the top bell",
        ["Intake.MainComplaint"] = "Aching lower back after long days at the desk",
        ["Intake.PainAreas"] = "LowerBack",
        ["Intake.PainIntensity"] = "5",
        ["Intake.Duration"] = "SixToTwelveWeeks",
        ["Intake.Feelings"] = "MuscleAcheOrTension",
        ["Intake.NoRedFlags"] = "true",
        ["Intake.MedicalHistory"] = "Mild asthma",
        ["ConsentToHealthData"] = "true",
        ["AcceptCancellationPolicy"] = "true",
    };

    public static string DetailsPage(DateTime startUtc) =>
        "/book/details?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&start="
        + Uri.EscapeDataString(startUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    /// <summary>Posts the booking form as a browser would; returns the response (a redirect when accepted).</summary>
    public static async Task<HttpResponseMessage> PostBookingAsync(HttpClient client, DateTime startUtc, IEnumerable<KeyValuePair<string, string>> fields) =>
        await FormPost.PostAsync(client, DetailsPage(startUtc), "/book/details", fields);

    /// <summary>Books through the form; <paramref name="more"/> adds repeated fields (a second pain area, contraindications).</summary>
    public static async Task<ArrangedVisit> BookAsync(
        this PracticeAppFactory factory,
        DateTime startUtc,
        string name,
        string email,
        Action<Dictionary<string, string>>? change = null,
        IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        using var client = factory.Browser();
        var fields = ValidBookingFields(startUtc, name, email);
        change?.Invoke(fields);
        using var response = await PostBookingAsync(client, startUtc, fields.Concat(more ?? []));
        return await BookingFlow.BookedAsync(factory, response, startUtc);
    }

    public static string TokenOf(Uri location)
    {
        var match = ManageLink().Match(location.OriginalString);
        Assert.True(match.Success, $"Not a manage link: {location}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("/bookings/([A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
