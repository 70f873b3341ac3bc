using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using Scenario = PaulMassage.IntegrationTests.Infrastructure.SecurityScenario;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>
/// Paul books a course or repeating visits in one go: every visit checked by the same rules as one
/// phone booking, all booked in one transaction or none, one e-mail with one link that manages the
/// series, and the client cancelling the rest in one step. Each test has a practice of its own
/// (the clock is Monday 1 March 2027, 09:00).
/// </summary>
public sealed partial class BookingASeries : IDisposable
{
    private const string Page = "/admin/bookings/new";
    private const string Email = "cora.course@test.example";
    private const string Complaint = "Cora's aching lower back";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Tuesdays at 10:00 (GMT in March), from 9 March.</summary>
    private static DateTime Tuesday(int day, int hour = 10, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static Task<HttpResponseMessage> BookSeriesAsync(HttpClient paul, params (string Name, string Value)[] fields)
    {
        var defaults = new (string Name, string Value)[]
        {
            ("Email", Email), ("Name", "Cora Course"), ("Phone", "07700 900789"), ("Service", "deep-tissue-massage"), ("Minutes", "60"),
            ("Date", "2027-03-09"), ("Time", "10:00"), ("Visits", "3"), ("EveryWeeks", "1"),
            ("Address.AddressLine1", "5 Phone Road"), ("Address.Town", "London"), ("Postcode", "SE1 7PB"),
            ("Intake.MainComplaint", Complaint), ("Intake.PainAreas", "LowerBack"), ("Intake.PainIntensity", "5"), ("Intake.Duration", "OverTwelveWeeks"),
            ("Intake.Feelings", "Stiffness"), ("Intake.NoRedFlags", "true"), ("IntakeConsent", "true"),
        };
        var given = fields.Select(f => f.Name).ToHashSet();
        return Sessions.PostAsync(paul, Page, Page, [.. defaults.Where(d => !given.Contains(d.Name)), .. fields]);
    }

    private Task<List<Appointment>> CorasVisitsAsync() =>
        _factory.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.Client!.NormalizedEmail == "CORA.COURSE@TEST.EXAMPLE").OrderBy(a => a.StartUtc).ToListAsync());

    private async Task<string> SeriesLinkAsync(HttpResponseMessage booked)
    {
        var html = await booked.Content.ReadAsStringAsync();
        var link = SeriesLink().Match(html);
        Assert.True(link.Success, "The series' link is shown to Paul after booking.");
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
    }

    [Fact]
    public async Task books_every_visit_confirmed_in_one_series_with_one_e_mail_and_no_health_details()
    {
        using var paul = await _factory.TherapistAsync();

        using var booked = await BookSeriesAsync(paul);

        Assert.Matches("^/admin/requests/[0-9]+$", booked.RequestMessage!.RequestUri!.AbsolutePath);
        var visits = await CorasVisitsAsync();
        Assert.Equal([Tuesday(9), Tuesday(16), Tuesday(23)], visits.Select(v => v.StartUtc));
        Assert.All(visits, v => Assert.Equal(AppointmentStatus.Confirmed, v.Status));
        Assert.Single(visits.Select(v => v.SeriesId).Distinct());
        Assert.NotNull(visits[0].SeriesId);

        var ids = visits.Select(v => v.Id).ToList();
        var kinds = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == Email).Select(m => m.Kind).ToListAsync());
        Assert.Equal([NotificationKind.SeriesBooked], kinds);
        var mail = Assert.Single(await MailPickup.ToAsync(_factory, Email));
        Assert.Equal("Confirmed: your 3 massage visits from 9 March", mail.Subject);
        var link = await SeriesLinkAsync(booked);
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Complaint, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lower back", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        foreach (var visit in visits)
        {
            Assert.Contains(visit.Reference, mail.TextBody, StringComparison.Ordinal);
        }

        // The one link shows the whole series to anyone holding it, signed in or not.
        using var cora = _factory.Browser();
        var page = await (await cora.GetAsync(link)).ReadHtmlAsync();
        Assert.Equal(3, page.QuerySelectorAll(".series-visit").Length);
        Assert.Contains("Cancel the rest (3 visits)", page.QuerySelector("#cancel-rest")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Complaint, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task books_nothing_when_one_visit_clashes_and_offers_an_alternative_for_it_alone()
    {
        var other = await _factory.VisitAsync("olive.other@test.example", Tuesday(16), name: "Olive Other");
        using var paul = await _factory.TherapistAsync();

        using var refused = await BookSeriesAsync(paul, ("OverrideRules", "true"));
        var page = await refused.ReadHtmlAsync();

        Assert.Equal(Page, refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(await CorasVisitsAsync());
        Assert.False(await _factory.WithDbAsync(db => db.VisitSeries.AnyAsync()));
        Assert.False(await _factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == Email)));
        Assert.Equal("false", page.QuerySelector("#series-visit-1")!.GetAttribute("data-blocked"));
        Assert.Equal("true", page.QuerySelector("#series-visit-2")!.GetAttribute("data-blocked"));
        Assert.Equal("false", page.QuerySelector("#series-visit-3")!.GetAttribute("data-blocked"));
        Assert.Contains($"Olive Other's visit ({other.Reference})", page.QuerySelector("#series-visit-2")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#instead-1"));
        var instead = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#instead-2")!;
        Assert.Equal("Instead[2]", instead.Name);
        Assert.Equal("Cora Course", page.FieldValue("Name")); // what Paul typed is kept

        using var booked = await BookSeriesAsync(paul, ("Instead[2]", instead.Value));

        Assert.Matches("^/admin/requests/[0-9]+$", booked.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal([Tuesday(9), Tuesday(16, 11, 30), Tuesday(23)], (await CorasVisitsAsync()).Select(v => v.StartUtc));
    }

    [Fact]
    public async Task books_nothing_when_another_booking_claims_one_of_its_slots_between_the_check_and_the_save()
    {
        // A claim the check cannot see, as a booking saved a moment after the check would hold.
        var other = await _factory.VisitAsync("olive.other@test.example", Tuesday(24), name: "Olive Other");
        await _factory.WithDbAsync(db =>
        {
            db.SlotClaims.Add(new SlotClaim { CellStartUtc = Tuesday(23, 10, 15), AppointmentId = other.Id });
            return db.SaveChangesAsync();
        });
        using var paul = await _factory.TherapistAsync();

        using var refused = await BookSeriesAsync(paul);

        Assert.Equal(Page, refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Another booking took one of these times a moment ago: nothing was booked", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await CorasVisitsAsync());
        Assert.False(await _factory.WithDbAsync(db => db.VisitSeries.AnyAsync()));
        Assert.False(await _factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "CORA.COURSE@TEST.EXAMPLE")));
        Assert.False(await _factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == Email)));
    }

    [Fact]
    public async Task racing_a_booking_for_one_of_its_slots_books_the_whole_series_or_none_of_it()
    {
        using var paul = await _factory.TherapistAsync();
        using var paulAgain = await _factory.TherapistAsync();

        var series = BookSeriesAsync(paul);
        var single = Sessions.PostAsync(paulAgain, Page, Page,
            ("Email", "rival@test.example"), ("Name", "Ria Rival"), ("Phone", "07700 900555"), ("Service", "deep-tissue-massage"), ("Minutes", "60"),
            ("Date", "2027-03-16"), ("Time", "10:00"), ("Address.AddressLine1", "1 Rival Row"), ("Address.Town", "London"), ("Postcode", "SE1 7PB"),
            ("Intake.NoRedFlags", "true"));
        using var seriesAnswer = await series;
        using var singleAnswer = await single;

        var visits = await CorasVisitsAsync();
        var rival = await _factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.Client!.NormalizedEmail == "RIVAL@TEST.EXAMPLE"));
        Assert.Contains(visits.Count, new[] { 0, 3 });
        Assert.Equal(1, (visits.Count == 3 ? 1 : 0) + rival);
    }

    [Fact]
    public async Task joins_the_clients_current_course_of_treatment()
    {
        var past = await _factory.VisitAsync(Email, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Cora Course");
        var courseId = await _factory.WithDbAsync(async db =>
        {
            var course = new CourseOfTreatment
            {
                ClientId = past.ClientId, ServiceId = await db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync(),
                SessionMinutes = 60, Sessions = 6, IntervalDays = 7, Goal = "Garden without pain", StartDate = new DateOnly(2027, 2, 20),
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });
        using var paul = await _factory.TherapistAsync();

        using var booked = await BookSeriesAsync(paul);

        Assert.Equal(courseId, await _factory.WithDbAsync(db => db.VisitSeries.Select(s => s.CourseId).SingleAsync()));
        using var cora = _factory.Browser();
        Assert.Contains("course of treatment", await cora.GetStringAsync(await SeriesLinkAsync(booked)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task lets_the_client_cancel_the_rest_in_one_step_keeping_the_visit_inside_the_notice_period()
    {
        using var paul = await _factory.TherapistAsync();
        using var booked = await BookSeriesAsync(paul);
        var link = await SeriesLinkAsync(booked);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.Zero)); // the first visit is 22 hours away
        using var cora = _factory.Browser();

        var page = await (await cora.GetAsync(link)).ReadHtmlAsync();
        Assert.Contains("Cancel the rest (2 visits)", page.QuerySelector("#cancel-rest")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 visit starts within 24 hours, so it stays booked", page.QuerySelector("#stays-inside-notice")!.TextContent, StringComparison.Ordinal);

        using var cancelled = await FormPost.PostAsync(cora, link, link + "/cancel-rest", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await (await cora.GetAsync(link)).ReadHtmlAsync();

        Assert.Equal([AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentStatus.Cancelled], (await CorasVisitsAsync()).Select(v => v.Status));
        Assert.Contains("2 visits are cancelled", after.QuerySelector("#series-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 visit starts within 24 hours, so it stays booked", after.QuerySelector("#series-message")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#cancel-rest"));
        var kinds = await _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == NotificationKind.Cancelled || m.Kind == NotificationKind.TherapistCancelled)
            .Select(m => m.Kind).ToListAsync());
        Assert.Equal(1, kinds.Count(k => k == NotificationKind.Cancelled));
        Assert.Equal(1, kinds.Count(k => k == NotificationKind.TherapistCancelled));
    }

    [Fact]
    public async Task answers_404_to_an_unknown_a_visits_own_or_an_expired_series_link()
    {
        using var paul = await _factory.TherapistAsync();
        using var booked = await BookSeriesAsync(paul);
        var link = await SeriesLinkAsync(booked);
        using var anyone = _factory.Browser();
        var token = link["/series/".Length..];
        var altered = token[..^1] + (token[^1] == 'a' ? 'b' : 'a');

        foreach (var stale in new[] { "/series/" + new string('a', 64), "/series/" + altered, ManageToken.ManagePath(token) })
        {
            using var response = await anyone.GetAsync(stale);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var ok = await anyone.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var antiforgery = await FormPost.AntiforgeryTokenAsync(anyone, link);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 23, 11, 0, 0, TimeSpan.Zero).AddDays(31)); // after the link's 30 days past the last visit
        using var expired = await anyone.GetAsync(link);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
        using var expiredCancel = await anyone.PostAsync(link + "/cancel-rest", form);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expiredCancel.StatusCode);
        Assert.Equal(AppointmentStatus.Confirmed, (await CorasVisitsAsync())[2].Status);
    }

    [Fact]
    public async Task shows_the_series_in_the_clients_account_and_only_they_can_cancel_the_rest_there()
    {
        using var paul = await _factory.TherapistAsync();
        using var booked = await BookSeriesAsync(paul);
        var seriesId = await _factory.WithDbAsync(db => db.VisitSeries.Select(s => s.Id).SingleAsync());
        await _factory.ClientAccountAsync(Email, SigningIn.ClientPassword);
        await _factory.VisitAsync("olly.other@test.example", new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olly Other");
        await _factory.ClientAccountAsync("olly.other@test.example", SigningIn.ClientPassword);
        using var cora = await _factory.SignedInAsync(Email, SigningIn.ClientPassword);
        using var olly = await _factory.SignedInAsync("olly.other@test.example", SigningIn.ClientPassword);

        var account = await (await cora.GetAsync("/account")).ReadHtmlAsync();
        Assert.Contains("Visits booked together: 3 still to come", account.QuerySelector($"#series-{seriesId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await (await olly.GetAsync("/account")).ReadHtmlAsync()).QuerySelector($"#series-{seriesId}"));

        using var notTheirs = await FormPost.PostAsync(olly, "/account", $"/account/series/{seriesId}/cancel-rest", []);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.All(await CorasVisitsAsync(), v => Assert.Equal(AppointmentStatus.Confirmed, v.Status));

        using var theirs = await FormPost.PostAsync(cora, "/account", $"/account/series/{seriesId}/cancel-rest", []);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.All(await CorasVisitsAsync(), v => Assert.Equal(AppointmentStatus.Cancelled, v.Status));
    }

    [Fact]
    public async Task stops_the_series_link_when_the_clients_record_is_erased()
    {
        using var paul = await _factory.TherapistAsync();
        using var booked = await BookSeriesAsync(paul);
        var link = await SeriesLinkAsync(booked);
        var clientId = (await CorasVisitsAsync())[0].ClientId;

        await using (var scope = _factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(clientId, "therapist");
        }

        using var anyone = _factory.Browser();
        using var response = await anyone.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("id=\"manage-link\" readonly value=\"([^\"]+)\"")]
    private static partial Regex SeriesLink();
}
