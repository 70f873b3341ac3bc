using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Clients;

/// <summary>The therapist's client search, client page and SOAP notes.</summary>
public sealed class TheClientRecords(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private static DateTime February(int day, int hour) => new(2027, 2, day, hour, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("harriet")]
    [InlineData("LOWE")]
    [InlineData("Harriet.Lowe@TEST")]
    [InlineData("07700 900555")]
    [InlineData("07700900555")]
    [InlineData("+44 7700 900555")]
    [InlineData("e145ab")]
    [InlineData("E14 5AB")]
    public async Task search_finds_a_client_by_name_email_phone_or_postcode_in_any_case(string query)
    {
        await EnsureSearchClientsAsync();
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var text = Text(await paul.GetStringAsync("/admin/clients?q=" + Uri.EscapeDataString(query)));
        Assert.Contains("Harriet Lowe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bertie Other", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task search_says_so_when_nobody_matches()
    {
        await EnsureSearchClientsAsync();
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var text = Text(await paul.GetStringAsync("/admin/clients?q=zebedee"));
        Assert.Contains("No client matches \"zebedee\".", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harriet Lowe", text, StringComparison.Ordinal);
    }

    private async Task EnsureSearchClientsAsync()
    {
        if (await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.Name == "Harriet Lowe")))
        {
            return;
        }

        await Factory.VisitAsync("harriet.lowe@test.example", Visits.March(8, 10), name: "Harriet Lowe", phone: "07700 900555", postcode: "E14 5AB");
        await Factory.VisitAsync("bertie@test.example", Visits.March(8, 13), name: "Bertie Other", phone: "07700 900777", postcode: "SW1A 1AA");
    }

    [Fact]
    public async Task the_client_page_shows_contact_details_visits_in_uk_time_every_intake_and_the_flags()
    {
        var first = await Factory.VisitAsync("olive@test.example", Visits.March(9, 10), AppointmentStatus.Requested, name: "Olive Page", phone: "07700 900321",
            contraindications: Contraindication.BloodThinners, complaint: "Stiff between the shoulder blades");
        await Factory.VisitAsync("olive@test.example", new DateTime(2027, 4, 6, 9, 0, 0, DateTimeKind.Utc), AppointmentStatus.Confirmed,
            areas: BodyArea.Neck | BodyArea.Shoulders, complaint: "Neck stiff after a long drive");
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var response = await paul.GetAsync($"/admin/clients/{first.ClientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = await response.TextAsync();
        Assert.Contains("Olive Page", text, StringComparison.Ordinal);
        Assert.Contains("07700 900321", text, StringComparison.Ordinal);
        Assert.Contains("olive@test.example", text, StringComparison.Ordinal);
        Assert.Contains("Tue 9 Mar 2027, 10:00", text, StringComparison.Ordinal);
        Assert.Contains("Tue 6 Apr 2027, 10:00", text, StringComparison.Ordinal); // British Summer Time: 09:00 UTC
        Assert.Contains("Needs review", text, StringComparison.Ordinal);
        Assert.Contains("Taking blood-thinning medicine", text, StringComparison.Ordinal);
        Assert.Contains("Stiff between the shoulder blades", text, StringComparison.Ordinal);
        Assert.Contains("Neck stiff after a long drive", text, StringComparison.Ordinal);
        Assert.Contains("Neck, Shoulders", text, StringComparison.Ordinal);
        Assert.Contains("More than 12 weeks", text, StringComparison.Ordinal);
        Assert.Contains("Requested", text, StringComparison.Ordinal);
        Assert.Contains("Confirmed", text, StringComparison.Ordinal);
        Assert.Contains(first.Reference, text, StringComparison.Ordinal);
        // Each visit leads on to its own page (history, actions, payments), so the record is a way in, not a dead end.
        Assert.Contains($"href=\"/admin/requests/{first.Id}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await paul.GetAsync($"/admin/requests/{first.Id}")).StatusCode);
    }

    [Fact]
    public async Task a_new_note_starts_from_the_visits_intake()
    {
        var visit = await Factory.VisitAsync("nora@test.example", February(15, 10), AppointmentStatus.Completed, name: "Nora Notes",
            complaint: "Lower back aches by the afternoon", intensity: 7);
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var response = await paul.GetAsync($"/admin/clients/{visit.ClientId}/visits/{visit.Id}/note");

        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Main complaint: Lower back aches by the afternoon", html, StringComparison.Ordinal);
        Assert.Contains("Where: Lower back", html, StringComparison.Ordinal);
        Assert.Contains("Pain at its worst (intake): 7/10", html, StringComparison.Ordinal);
        Assert.Contains("At booking they said 7/10.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_note_is_validated_with_the_input_kept_then_saved_and_edited_in_place()
    {
        var visit = await Factory.VisitAsync("soap@test.example", February(16, 10), AppointmentStatus.Completed, name: "Sam Soap");
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var url = $"/admin/clients/{visit.ClientId}/visits/{visit.Id}/note";

        var invalid = await FormPost.PostAsync(paul, url, url,
            [new("PainScore", "11"), new("Subjective", ""), new("Objective", "Tight right erector spinae"), new("Assessment", ""), new("Plan", "")]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("The pain score is a whole number from 0 to 10.", Text(html), StringComparison.Ordinal);
        Assert.Contains("Write what the client told you (S), even briefly.", Text(html), StringComparison.Ordinal);
        Assert.Contains("Tight right erector spinae", html, StringComparison.Ordinal);
        Assert.Contains("value=\"11\"", html, StringComparison.Ordinal);

        var saved = await FormPost.PostAsync(paul, url, url,
            [new("PainScore", "4"), new("Subjective", "Better since last week"), new("Objective", "Tight right erector spinae"),
             new("Assessment", "Muscular, improving"), new("Plan", "Deep tissue again in a week; cat-cow stretch daily")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Text(await paul.GetStringAsync($"/admin/clients/{visit.ClientId}"));
        Assert.Contains("pain 4/10", page, StringComparison.Ordinal);
        Assert.Contains("Better since last week", page, StringComparison.Ordinal);
        Assert.Contains("Muscular, improving", page, StringComparison.Ordinal);
        Assert.Contains("cat-cow stretch daily", page, StringComparison.Ordinal);

        await FormPost.PostAsync(paul, url, url, [new("PainScore", "3"), new("Subjective", "Better still")]);
        var notes = await Factory.WithDbAsync(db => db.TreatmentNotes.Where(n => n.AppointmentId == visit.Id).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Equal(3, note.PainScore);
        Assert.Equal("Better still", note.Subjective);
        Assert.Null(note.Objective);
    }

    [Fact]
    public async Task a_note_cannot_be_written_before_the_visit_or_through_another_clients_page()
    {
        var future = await Factory.VisitAsync("early-note@test.example", Visits.March(10, 15), AppointmentStatus.Requested, name: "Ella Early");
        var other = await Factory.VisitAsync("other-note@test.example", February(17, 10), AppointmentStatus.Completed, name: "Otto Other");
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var url = $"/admin/clients/{future.ClientId}/visits/{future.Id}/note";
        var refused = await FormPost.PostAsync(paul, url, url, [new("PainScore", "5"), new("Subjective", "Too early")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Notes can be written once the visit has started", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.TreatmentNotes.AnyAsync(n => n.AppointmentId == future.Id)));

        var mismatched = $"/admin/clients/{future.ClientId}/visits/{other.Id}/note";
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(mismatched)).StatusCode);
        var token = await FormPost.AntiforgeryTokenAsync(paul, url);
        var post = await paul.PostAsync(mismatched, new FormUrlEncodedContent([new("PainScore", "5"), new("Subjective", "x"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.TreatmentNotes.AnyAsync(n => n.AppointmentId == other.Id)));
    }

    [Fact]
    public async Task client_records_are_closed_to_visitors_and_to_clients()
    {
        var visit = await Factory.VisitAsync("records-snoop@test.example", Visits.March(11, 10), name: "Rita Snoop");
        using var visitor = Factory.Browser();
        var anonymous = await visitor.GetAsync($"/admin/clients/{visit.ClientId}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        await Factory.ClientAccountAsync("records-snoop@test.example", "records snoop passphrase");
        using var client = await Factory.SignedInAsync("records-snoop@test.example", "records snoop passphrase");
        foreach (var path in new[] { "/admin", "/admin/clients", $"/admin/clients/{visit.ClientId}", $"/admin/clients/{visit.ClientId}/visits/{visit.Id}/note", $"/admin/clients/{visit.ClientId}/courses/new" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // signed in, but not theirs: a plain 403 with the friendly page
        }
    }
}
