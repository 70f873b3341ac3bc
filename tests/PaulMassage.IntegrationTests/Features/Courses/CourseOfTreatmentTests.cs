using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Courses;

/// <summary>The therapist plans a course; he and the client see its progress and pain chart; the client books the next session.</summary>
public sealed partial class TheCourseOfTreatment(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private static DateTime February(int day, int hour) => new(2027, 2, day, hour, 0, 0, DateTimeKind.Utc);

    private async Task<string> DeepTissue60Async() =>
        $"{await Factory.WithDbAsync(db => db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync())}:60";

    /// <summary>Two completed visits with pain 7 then 4, and one booked for Wednesday 10 March.</summary>
    private async Task<(ArrangedVisit First, ArrangedVisit Second, ArrangedVisit Next)> ClientWithVisitsAsync(string email, int hourOffset)
    {
        var first = await Factory.VisitAsync(email, February(15, 9 + (2 * hourOffset)), AppointmentStatus.Completed, name: "Carla Course");
        var second = await Factory.VisitAsync(email, February(22, 9 + (2 * hourOffset)), AppointmentStatus.Completed);
        var next = await Factory.VisitAsync(email, Visits.March(10, 9 + (2 * hourOffset)), AppointmentStatus.Confirmed);
        await Factory.NoteAsync(first.Id, 7);
        await Factory.NoteAsync(second.Id, 4);
        return (first, second, next);
    }

    private async Task SetPlanAsync(HttpClient paul, int clientId, string startDate = "2027-02-10")
    {
        var url = $"/admin/clients/{clientId}/courses/new";
        var response = await FormPost.PostAsync(paul, url, url,
            [new("Treatment", await DeepTissue60Async()), new("Sessions", "6"), new("IntervalDays", "7"),
             new("Goal", "Sit through a working day without low back pain"), new("StartDate", startDate)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task a_plan_with_missing_or_impossible_values_is_refused_and_kept()
    {
        var (first, _, _) = await ClientWithVisitsAsync("plan-invalid@test.example", 0);
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var url = $"/admin/clients/{first.ClientId}/courses/new";

        var response = await FormPost.PostAsync(paul, url, url,
            [new("Treatment", "999:60"), new("Sessions", "0"), new("IntervalDays", "abc"), new("Goal", ""), new("StartDate", "31/02/2027")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Choose the focus treatment and its length from the list.", text, StringComparison.Ordinal);
        Assert.Contains("Enter the number of sessions, from 1 to 52.", text, StringComparison.Ordinal);
        Assert.Contains("Days between sessions: \"abc\" is not a number. Please enter it in figures.", text, StringComparison.Ordinal);
        Assert.Contains("Write the goal of the course", text, StringComparison.Ordinal);
        Assert.Contains("\"31/02/2027\" is not a date.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2027\"", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Courses.AnyAsync(c => c.ClientId == first.ClientId)));
    }

    [Fact]
    public async Task the_therapist_sees_sessions_done_and_to_come_and_the_pain_chart()
    {
        var (first, _, _) = await ClientWithVisitsAsync("plan-therapist@test.example", 1);
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        await SetPlanAsync(paul, first.ClientId);

        var html = await paul.GetStringAsync($"/admin/clients/{first.ClientId}");
        var text = Text(html);
        Assert.Contains("Sit through a working day without low back pain", text, StringComparison.Ordinal);
        Assert.Contains("2 of 6 sessions done", text, StringComparison.Ordinal);
        Assert.Contains(", 1 booked, 3 still to book.", text, StringComparison.Ordinal);
        Assert.Contains("Next session due from Wednesday 17 March.", text, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"pain-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"pain-chart-line\"", html, StringComparison.Ordinal);
        Assert.Contains("Pain score fell from 7 out of 10 on 15 February 2027 to 4 out of 10 on 22 February 2027, over 2 visits.", text, StringComparison.Ordinal);
        Assert.Matches(RowPattern(), html);
    }

    [Fact]
    public async Task the_client_sees_the_plan_in_their_account_and_its_link_opens_the_booking_times_but_a_manage_link_shows_none_of_it()
    {
        var (first, _, next) = await ClientWithVisitsAsync("plan-client@test.example", 2);
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        await SetPlanAsync(paul, first.ClientId);
        await Factory.ClientAccountAsync("plan-client@test.example", "correct horse battery staple");
        using var client = await Factory.SignedInAsync("plan-client@test.example", "correct horse battery staple");

        var account = await client.GetAsync("/account");
        Assert.True(account.Headers.CacheControl?.NoStore);
        var html = await account.Content.ReadAsStringAsync();
        Assert.Contains("Your course of treatment", html, StringComparison.Ordinal);
        Assert.Contains("Sit through a working day without low back pain", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"pain-chart\"", html, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(BookNextLink().Match(html).Groups[1].Value);
        Assert.Equal("/book/slots?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&week=2027-03-17", link);

        var slots = Text(await client.GetStringAsync(link));
        Assert.Contains("Deep tissue massage, 60 minutes, visiting SE1 7PB", slots, StringComparison.Ordinal);
        Assert.Contains("Wednesday 17 March", slots, StringComparison.Ordinal);

        // A manage link shows its own booking only: the course spans visits, so it lives behind sign-in.
        using var anyone = Factory.CreateClient();
        var manage = await anyone.GetStringAsync($"/bookings/{next.Token}");
        Assert.DoesNotContain("Sit through a working day", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("pain-chart", manage, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Reference, manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task another_clients_manage_link_shows_nothing_of_this_plan()
    {
        var (first, _, _) = await ClientWithVisitsAsync("plan-private@test.example", 3);
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        await SetPlanAsync(paul, first.ClientId);
        var stranger = await Factory.VisitAsync("plan-stranger@test.example", Visits.March(11, 15), name: "Stan Stranger");

        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync($"/bookings/{stranger.Token}");
        Assert.DoesNotContain("Your course of treatment", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sit through a working day", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pain-chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_therapist_can_edit_and_delete_a_plan_but_not_through_another_clients_address()
    {
        var (first, _, _) = await ClientWithVisitsAsync("plan-edit@test.example", 4);
        var other = await Factory.VisitAsync("plan-edit-other@test.example", Visits.March(12, 15), name: "Olga Other");
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        await SetPlanAsync(paul, first.ClientId);
        var courseId = await Factory.WithDbAsync(db => db.Courses.Where(c => c.ClientId == first.ClientId).Select(c => c.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync($"/admin/clients/{other.ClientId}/courses/{courseId}")).StatusCode);

        var url = $"/admin/clients/{first.ClientId}/courses/{courseId}";
        var edited = await FormPost.PostAsync(paul, url, url,
            [new("Treatment", await DeepTissue60Async()), new("Sessions", "2"), new("IntervalDays", "14"), new("Goal", "Walk the dog pain-free"), new("StartDate", "2027-02-10")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var text = Text(await paul.GetStringAsync($"/admin/clients/{first.ClientId}"));
        Assert.Contains("Walk the dog pain-free", text, StringComparison.Ordinal);
        Assert.Contains("All sessions of this course are done.", text, StringComparison.Ordinal);

        await FormPost.PostAsync(paul, url, url + "/delete", []);
        Assert.False(await Factory.WithDbAsync(db => db.Courses.AnyAsync(c => c.Id == courseId)));
        Assert.Contains("No course planned yet.", Text(await paul.GetStringAsync($"/admin/clients/{first.ClientId}")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><td>2</td><td>22 February 2027</td><td>4</td></tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("href=\"([^\"]+)\">Book your next session<")]
    private static partial Regex BookNextLink();
}
