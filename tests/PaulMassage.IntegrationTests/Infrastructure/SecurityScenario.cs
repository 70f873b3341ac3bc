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

    /// <summary>
    /// The booking form's fields for a valid request, one value per field so tests can change them by name;
    /// the one description of a valid form is <see cref="VisitRequest"/>.
    /// </summary>
    public static Dictionary<string, string> ValidBookingFields(DateTime startUtc, string name, string email) =>
        new VisitRequest
        {
            StartUtc = startUtc,
            Name = name,
            Email = email,
            AddressLine1 = "12 Example Street",
            AddressLine2 = string.Empty,
            AccessNotes = "Ring the top bell",
            MainComplaint = "Aching lower back after long days at the desk",
            PainAreas = ["LowerBack"],
            PainIntensity = "5",
            Feelings = ["MuscleAcheOrTension"],
            MedicalHistory = "Mild asthma",
        }.Fields().ToDictionary();

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
