using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Posting the back office's forms and reading its messages.</summary>
public static partial class Sessions
{
    /// <summary>Posts a back-office form: token from <paramref name="pageUrl"/>, then the post.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string actionUrl, params (string Name, string Value)[] fields) =>
        FormPost.PostAsync(client, pageUrl, actionUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The text of the message the back office shows after a change.</summary>
    public static string? AdminMessage(string html)
    {
        var match = AdminMessageDiv().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("id=\"admin-message\">([^<]*)<")]
    private static partial Regex AdminMessageDiv();
}

/// <summary>Visits arranged through the real services and read back from the real database.</summary>
public static class Visits
{
    /// <summary>A UTC instant in March 2027, the test practice's month (before the clocks change, so UK time equals UTC).</summary>
    public static DateTime March(int day, int hour, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Requests the earliest free hour from Tuesday 2 March, whatever earlier tests in the class booked.</summary>
    public static async Task<ArrangedVisit> RequestNextFreeAsync(PracticeAppFactory factory, string name = "Ann Example", string? email = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DateTime start;
        await using (var scope = factory.Scope())
        {
            var slots = await scope.ServiceProvider.GetRequiredService<AvailabilityService>().FreeSlotsAsync(60, new DateOnly(2027, 3, 2), 28);
            start = slots[0].StartUtc;
        }

        return await RequestAsync(factory, start, name, email);
    }

    public static async Task<ArrangedVisit> RequestAsync(
        PracticeAppFactory factory,
        DateTime startUtc,
        string name = "Ann Example",
        string? email = null,
        Contraindication contraindications = Contraindication.None,
        int minutes = 60,
        string service = "deep-tissue-massage")
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        Assert.True(UkPostcode.TryParse("SE1 7PB", out var postcode));
        var outcome = await booking.RequestVisitAsync(new BookingRequest(
            service, minutes, startUtc, postcode!, name, email ?? $"{Guid.NewGuid():N}@client.example", "07700 900456",
            "1 Test Street", "Flat 2", "London", "Ring the top bell",
            new IntakeDetails("Aching lower back after long days at the desk", BodyArea.LowerBack | BodyArea.Hips, 6,
                PainDuration.SixToTwelveWeeks, PainFeeling.MuscleAcheOrTension, contraindications, "Mild asthma", RedFlag.None),
            new Booker.Anonymous()));
        var accepted = Assert.IsType<BookingOutcome.Accepted>(outcome);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Appointments.Where(a => a.Reference == accepted.Reference).Select(a => new { a.Id, a.ClientId }).SingleAsync();
        return new ArrangedVisit(stored.Id, stored.ClientId, accepted.Reference, accepted.ManageToken, startUtc);
    }

    public static Task<Appointment> LoadAsync(PracticeAppFactory factory, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(db => db.Appointments.AsNoTracking()
            .Include(a => a.History).Include(a => a.SlotClaims).Include(a => a.Client)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id));
    }

    /// <summary>The version the back office's forms carry for a visit, read as the page would.</summary>
    public static async Task<string> VersionAsync(PracticeAppFactory factory, int id) =>
        (await LoadAsync(factory, id)).Version.ToString();
}
