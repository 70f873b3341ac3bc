using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// Everything a client types into the booking form, valid by default. Fields() gives the form
/// fields as the browser posts them; a test drops or changes the ones it is about.
/// </summary>
public sealed record VisitRequest
{
    public string Service { get; init; } = "deep-tissue-massage";

    public int Minutes { get; init; } = 60;

    public string Postcode { get; init; } = "SE1 7PB";

    public required DateTime StartUtc { get; init; }

    public string Name { get; init; } = "Annabel Testperson";

    public string Email { get; init; } = "annabel@example.com";

    public string Phone { get; init; } = "07700 900456";

    public string AddressLine1 { get; init; } = "12 Quillon Street";

    public string AddressLine2 { get; init; } = "Flat 3";

    public string Town { get; init; } = "London";

    public string AccessNotes { get; init; } = "Third floor, no lift; door code 4711";

    public string MainComplaint { get; init; } = "Grinding ache low in my back after long shifts at the warehouse";

    public IReadOnlyList<string> PainAreas { get; init; } = ["LowerBack", "Hips"];

    public string PainIntensity { get; init; } = "6";

    public string Duration { get; init; } = "SixToTwelveWeeks";

    public IReadOnlyList<string> Feelings { get; init; } = ["MuscleAcheOrTension", "Stiffness"];

    public IReadOnlyList<string> Contraindications { get; init; } = [];

    public string MedicalHistory { get; init; } = "Keyhole knee operation years ago";

    public IReadOnlyList<string> RedFlags { get; init; } = [];

    public bool NoRedFlags { get; init; } = true;

    public string Start => StartUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The details page of this visit, as the slot picker links to it.</summary>
    public string DetailsUrl =>
        $"/book/details?service={Service}&minutes={Minutes}&postcode={Uri.EscapeDataString(Postcode)}&start={Uri.EscapeDataString(Start)}";

    public List<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Service", Service),
            new("Minutes", Minutes.ToString(CultureInfo.InvariantCulture)),
            new("Postcode", Postcode),
            new("Start", Start),
            new("Name", Name),
            new("Email", Email),
            new("Phone", Phone),
            new("Address.AddressLine1", AddressLine1),
            new("Address.AddressLine2", AddressLine2),
            new("Address.Town", Town),
            new("Address.AccessNotes", AccessNotes),
            new("Intake.MainComplaint", MainComplaint),
            new("Intake.PainIntensity", PainIntensity),
            new("Intake.Duration", Duration),
            new("Intake.MedicalHistory", MedicalHistory),
            new("ConsentToHealthData", "true"),
            new("AcceptCancellationPolicy", "true"),
        };
        fields.AddRange(PainAreas.Select(v => new KeyValuePair<string, string>("Intake.PainAreas", v)));
        fields.AddRange(Feelings.Select(v => new KeyValuePair<string, string>("Intake.Feelings", v)));
        fields.AddRange(Contraindications.Select(v => new KeyValuePair<string, string>("Intake.Contraindications", v)));
        fields.AddRange(RedFlags.Select(v => new KeyValuePair<string, string>("Intake.RedFlags", v)));
        if (NoRedFlags)
        {
            fields.Add(new("Intake.NoRedFlags", "true"));
        }

        return fields;
    }
}

/// <summary>Drives the booking form as a browser does.</summary>
public static class BookingFlow
{
    /// <summary>Opens the visit's details page (or <paramref name="formPage"/>) for its antiforgery token and posts the form.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        VisitRequest visit,
        IEnumerable<KeyValuePair<string, string>>? fields = null,
        string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return await FormPost.PostAsync(client, formPage ?? visit.DetailsUrl, "/book/details", fields ?? visit.Fields());
    }

    /// <summary>Posts with a token fetched earlier, so many clients can post at the same moment.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.PostAsync("/book/details", content);
    }

    /// <summary>Books the visit through the form, as a visitor who is not signed in.</summary>
    public static async Task<ArrangedVisit> BookAsync(PracticeAppFactory factory, VisitRequest visit)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(visit);
        using var client = factory.Browser();
        using var response = await SubmitAsync(client, visit);
        return await BookedAsync(factory, response, visit.StartUtc);
    }

    /// <summary>The visit an accepted booking form made, read back by the manage link its answer redirects to.</summary>
    public static async Task<ArrangedVisit> BookedAsync(PracticeAppFactory factory, HttpResponseMessage response, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            $"The booking was not accepted: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = SecurityScenario.TokenOf(response.Headers.Location!);
        var hash = ManageToken.Hash(token);
        var stored = await factory.WithDbAsync(db => db.Appointments.Where(a => a.ManageTokenHash == hash)
            .Select(a => new { a.Id, a.ClientId, a.Reference }).SingleAsync());
        return new ArrangedVisit(stored.Id, stored.ClientId, stored.Reference, token, startUtc);
    }
}
