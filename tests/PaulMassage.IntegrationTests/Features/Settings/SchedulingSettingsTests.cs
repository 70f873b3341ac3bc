using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Settings;

/// <summary>
/// Working hours, booking rules, the area served and time off. Each test has a practice of its
/// own because each changes settings the others would see.
/// </summary>
public sealed class TheSchedulingSettings
{
    private static readonly DateOnly Wednesday = new(2027, 3, 3);
    private static readonly DateOnly Thursday = new(2027, 3, 4);

    private static List<KeyValuePair<string, string>> Week(Func<DayOfWeek, (bool Open, string Opens, string Closes)> day)
    {
        var fields = new List<KeyValuePair<string, string>>();
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        for (var i = 0; i < week.Length; i++)
        {
            var (open, opens, closes) = day(week[i]);
            fields.Add(new($"Days[{i}].Day", week[i].ToString()));
            if (open)
            {
                fields.Add(new($"Days[{i}].IsOpen", "true"));
            }

            fields.Add(new($"Days[{i}].Opens", opens));
            fields.Add(new($"Days[{i}].Closes", closes));
        }

        return fields;
    }

    [Fact]
    public async Task the_overview_lists_the_current_settings_and_is_never_cached()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        var response = await paul.GetAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = await response.TextAsync();
        Assert.Contains("30 minutes' travel to and from a place in none of your zones", text, StringComparison.Ordinal);
        Assert.Contains("30 minutes between all visits; no zones.", text, StringComparison.Ordinal);
        Assert.Contains("SE1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task new_working_hours_show_at_once_in_the_availability_api()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();
        Assert.NotEmpty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));

        var response = await FormPost.PostAsync(paul, "/admin/settings/hours", "/admin/settings/hours", Week(d => d switch
        {
            DayOfWeek.Wednesday => (false, "", ""),
            DayOfWeek.Thursday => (true, "07:00", "10:00"),
            DayOfWeek.Sunday => (false, "", ""),
            _ => (true, "09:00", "19:00"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));
        var thursday = await AvailabilityProbe.FreeStartsAsync(visitor, Thursday);
        Assert.Equal(Visits.March(4, 7), thursday[0]);
        Assert.Equal(Visits.March(4, 9), thursday[^1]); // a 60-minute visit must end by 10:00
        var overview = await (await paul.GetAsync("/admin/settings")).TextAsync();
        Assert.Contains("Thursday 07:00 to 10:00", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task working_hours_that_end_before_they_start_or_miss_the_quarter_hours_are_refused_and_kept()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        var response = await FormPost.PostAsync(paul, "/admin/settings/hours", "/admin/settings/hours", Week(d => d switch
        {
            DayOfWeek.Monday => (true, "17:00", "09:00"),
            DayOfWeek.Tuesday => (true, "09:10", "18:00"),
            DayOfWeek.Friday => (true, "", "18:00"),
            _ => (false, "", ""),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Monday: the finishing time must be after the starting time.", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday: use quarter hours", text, StringComparison.Ordinal);
        Assert.Contains("Friday: enter the time you start", text, StringComparison.Ordinal);
        Assert.Contains("value=\"17:00\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"09:10\"", html, StringComparison.Ordinal);

        // Nothing was saved: Wednesday is still bookable.
        using var visitor = factory.CreateClient();
        Assert.NotEmpty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));
    }

    [Fact]
    public async Task booking_rules_are_checked_and_a_shorter_travel_buffer_frees_times_at_once()
    {
        using var factory = new PracticeAppFactory();
        await factory.VisitAsync("buffer@test.example", Visits.March(3, 12));
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();
        Assert.DoesNotContain(Visits.March(3, 13, 15), await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));

        var refused = await FormPost.PostAsync(paul, "/admin/settings/booking-rules", "/admin/settings/booking-rules",
            [new("TravelBufferMinutes", "20"), new("MinimumNoticeHours", "400"), new("BookingHorizonDays", "0")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("The travel time must be 0 to 120 minutes in steps of 15", text, StringComparison.Ordinal);
        Assert.Contains("The notice must be 0 to 336 hours", text, StringComparison.Ordinal);
        Assert.Contains("Clients can book 1 to 365 days ahead.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"20\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"400\"", html, StringComparison.Ordinal);

        var saved = await FormPost.PostAsync(paul, "/admin/settings/booking-rules", "/admin/settings/booking-rules",
            [new("TravelBufferMinutes", "15"), new("MinimumNoticeHours", "24"), new("BookingHorizonDays", "56")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var free = await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday);
        Assert.Contains(Visits.March(3, 13, 15), free);
        Assert.DoesNotContain(Visits.March(3, 13), free);
    }

    [Fact]
    public async Task a_longer_notice_window_and_a_shorter_horizon_take_effect_at_once()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();
        await FormPost.PostAsync(paul, "/admin/settings/booking-rules", "/admin/settings/booking-rules",
            [new("TravelBufferMinutes", "30"), new("MinimumNoticeHours", "72"), new("BookingHorizonDays", "7")]);

        Assert.Empty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday)); // within 72 hours of Monday 09:00
        Assert.Contains(Visits.March(4, 9), await AvailabilityProbe.FreeStartsAsync(visitor, Thursday));
        Assert.Empty(await AvailabilityProbe.FreeStartsAsync(visitor, new DateOnly(2027, 3, 10)));
    }

    [Fact]
    public async Task districts_that_are_not_postcode_districts_are_named_and_the_typing_kept()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        var response = await FormPost.PostAsync(paul, "/admin/settings/area", "/admin/settings/area", [new("Districts", "SE1, london, 12, E14")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("These are not postcode districts: \"london\", \"12\".", Text(html), StringComparison.Ordinal);
        Assert.Contains("SE1, london, 12, E14", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_new_area_is_used_by_the_booking_pages_at_once()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();
        var before = await visitor.GetStringAsync("/book/slots?service=deep-tissue-massage&minutes=60&postcode=BR1+1AA");
        Assert.Contains("does not usually travel to BR1", Text(before), StringComparison.Ordinal);

        var response = await FormPost.PostAsync(paul, "/admin/settings/area", "/admin/settings/area", [new("Districts", "se1 br1\nE14")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = Text(await visitor.GetStringAsync("/book/slots?service=deep-tissue-massage&minutes=60&postcode=BR1+1AA"));
        Assert.Contains("Choose a time", after, StringComparison.Ordinal);
        var sw1a = Text(await visitor.GetStringAsync("/book/slots?service=deep-tissue-massage&minutes=60&postcode=SW1A+1AA"));
        Assert.Contains("does not usually travel to SW1A", sw1a, StringComparison.Ordinal);
        Assert.Contains("BR1, E14, SE1", Text(await paul.GetStringAsync("/admin/settings")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_day_off_blocks_that_day_and_removing_it_frees_the_day_again()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();

        var added = await FormPost.PostAsync(paul, "/admin/settings/time-off", "/admin/settings/time-off",
            [new("FromDate", "2027-03-03"), new("FromTime", ""), new("ToDate", ""), new("ToTime", ""), new("Reason", "Course in Bath")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Empty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));
        Assert.NotEmpty(await AvailabilityProbe.FreeStartsAsync(visitor, Thursday));

        var page = await paul.GetStringAsync("/admin/settings/time-off");
        Assert.Contains("Wed 3 Mar 2027, all day", Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", Text(page), StringComparison.Ordinal);
        Assert.Contains("Course in Bath", page, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(page, "/admin/settings/time-off/(\\d+)/delete").Groups[1].Value;

        var deleted = await FormPost.PostAsync(paul, "/admin/settings/time-off", $"/admin/settings/time-off/{id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.NotEmpty(await AvailabilityProbe.FreeStartsAsync(visitor, Wednesday));
    }

    [Fact]
    public async Task part_day_time_off_blocks_only_those_hours_and_warns_about_visits_inside_it()
    {
        using var factory = new PracticeAppFactory();
        var inside = await factory.VisitAsync("inside-time-off@test.example", Visits.March(4, 14), name: "Ines Inside");
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();

        var added = await FormPost.PostAsync(paul, "/admin/settings/time-off", "/admin/settings/time-off",
            [new("FromDate", "2027-03-04"), new("FromTime", "13:00"), new("ToDate", ""), new("ToTime", "16:00")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await paul.GetStringAsync("/admin/settings/time-off");
        var message = Text(page);
        Assert.Contains("1 visit is already booked during it", message, StringComparison.Ordinal);
        Assert.Contains("Thu 4 Mar 2027, 13:00 to 16:00", message, StringComparison.Ordinal);
        Assert.Contains("1 visit still booked during this time: Thu 4 Mar 14:00, Ines Inside, Deep tissue massage (Confirmed)", message, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/requests/{inside.Id}\"", page, StringComparison.Ordinal);

        var free = await AvailabilityProbe.FreeStartsAsync(visitor, Thursday);
        Assert.Contains(Visits.March(4, 9), free);
        Assert.Contains(Visits.March(4, 12), free); // ends as the time off begins
        Assert.DoesNotContain(free, s => s >= Visits.March(4, 12, 15) && s < Visits.March(4, 16));
        Assert.Contains(Visits.March(4, 16), free);
    }

    [Fact]
    public async Task time_off_that_ends_before_it_starts_is_refused_and_kept()
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        var response = await FormPost.PostAsync(paul, "/admin/settings/time-off", "/admin/settings/time-off",
            [new("FromDate", "2027-03-05"), new("FromTime", "15:00"), new("ToDate", "2027-03-05"), new("ToTime", "11:00"), new("Reason", "Dentist")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The time off must end after it starts.", Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"15:00\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Dentist\"", html, StringComparison.Ordinal);
        Assert.Contains("No time off planned.", Text(html), StringComparison.Ordinal);
    }
}
