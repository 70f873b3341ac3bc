using System.Net;
using System.Text.RegularExpressions;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Calendar;

public sealed partial class TheWeekCalendar(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_week_shows_confirmed_visits_requests_travel_time_off_and_working_hours_each_said_in_words()
    {
        var confirmed = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(2, 10), name: "Carla Confirmed");
        var pending = await Visits.RequestAsync(Factory, Visits.March(3, 14), name: "Pete Pending");
        await Factory.WithDbAsync(async db =>
        {
            db.TimeOff.Add(new TimeOff { StartUtc = Visits.March(4, 13), EndUtc = Visits.March(4, 15), Reason = "Dentist" });
            return await db.SaveChangesAsync();
        });
        using var therapist = await Factory.TherapistAsync();

        var html = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/calendar"));

        Assert.Contains("Week of 1 March 2027", html, StringComparison.Ordinal);
        var tuesday = Section(html, "day-2027-03-02");
        Assert.Contains("Working 09:00 to 19:00", tuesday, StringComparison.Ordinal);
        var visit = Entry(tuesday, $"visit-{confirmed.Id}-2027-03-02");
        Assert.Contains("cal-confirmed", visit, StringComparison.Ordinal);
        Assert.Contains("cal-r5 cal-s4", visit, StringComparison.Ordinal); // 10:00 is the fifth quarter-hour row from 09:00
        Assert.Contains("10:00–11:00", visit, StringComparison.Ordinal);
        Assert.Contains(">Confirmed<", visit, StringComparison.Ordinal);
        Assert.Contains("Carla Confirmed", visit, StringComparison.Ordinal);
        // A block too short for its words still gives all of them (the desktop week cuts them off): on hover, and to screen readers.
        Assert.Contains("title=\"10:00–11:00 Confirmed: Carla Confirmed, Deep tissue massage, SE1 7PB\"", visit, StringComparison.Ordinal);
        Assert.Contains("Travel 11:00–11:30", tuesday, StringComparison.Ordinal);

        var request = Entry(Section(html, "day-2027-03-03"), $"visit-{pending.Id}-2027-03-03");
        Assert.Contains("cal-pending", request, StringComparison.Ordinal);
        Assert.Contains(">Request, not confirmed<", request, StringComparison.Ordinal);

        var thursday = Section(html, "day-2027-03-04");
        Assert.Contains("Time off", thursday, StringComparison.Ordinal);
        Assert.Contains("13:00–15:00: Dentist", thursday, StringComparison.Ordinal);
        Assert.Contains("Not a working day", Section(html, "day-2027-03-07"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task today_is_marked_and_the_week_links_to_the_weeks_either_side()
    {
        using var therapist = await Factory.TherapistAsync();

        var html = await therapist.GetStringAsync("/admin/calendar");

        Assert.Matches("<section class=\"cal-day cal-today\" id=\"day-2027-03-01\"[^>]*aria-current=\"date\"", html);
        Assert.Single(TodayBadge().Matches(html));
        Assert.Contains("href=\"/admin/calendar?week=2027-02-22\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/calendar?week=2027-03-08\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"this-week\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task any_day_opens_its_week_from_monday_and_another_week_has_no_today()
    {
        using var therapist = await Factory.TherapistAsync();

        var html = await therapist.GetStringAsync("/admin/calendar?week=2027-03-10");

        Assert.Contains("Week of 8 March 2027", html, StringComparison.Ordinal);
        Assert.Contains("id=\"day-2027-03-08\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"day-2027-03-14\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-current=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"this-week\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_proposed_time_is_drawn_as_well_as_the_requested_one()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(9, 10), name: "Polly Proposal");
        using var therapist = await Factory.TherapistAsync();
        await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/propose",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Start", "2027-03-11T15:00:00Z"));

        var html = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/calendar?week=2027-03-08"));

        Assert.Contains("Other time proposed, waiting for the client", Entry(html, $"visit-{visit.Id}-2027-03-09"), StringComparison.Ordinal);
        Assert.Contains("Proposed time, waiting for the client", Entry(html, $"visit-{visit.Id}-proposed-2027-03-11"), StringComparison.Ordinal);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id}.");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Entry(string html, string id)
    {
        var at = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No entry {id}.");
        var start = html.LastIndexOf("<li", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</li>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex(">Today</span>")]
    private static partial Regex TodayBadge();
}
