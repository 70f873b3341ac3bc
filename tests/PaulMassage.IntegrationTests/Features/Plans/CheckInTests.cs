using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data.Encryption;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>Check-ins between visits of a course: sent before the visit, answered once, red flags and worse scores alert Paul, stopped with one click.</summary>
public sealed class TheCheckIns : IDisposable
{
    private const string Email = "carl.checkin@client.example";
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>A client on a course with a visit done (pain 4 in Paul's note) and the next one confirmed for Thursday 4 March at 10:00.</summary>
    private async Task<(ArrangedVisit Done, ArrangedVisit Next)> OnACourseAsync(string email = Email, bool course = true, int sessions = 6)
    {
        var done = await factory.VisitAsync(email, new DateTime(2027, 2, 25, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Carl Checkin");
        await factory.NoteAsync(done.Id, 4);
        var next = await factory.VisitAsync(email, Visits.March(4, 10), AppointmentStatus.Confirmed);
        if (course)
        {
            await factory.WithDbAsync(async db =>
            {
                var service = await db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage");
                db.Courses.Add(new CourseOfTreatment { ClientId = done.ClientId, ServiceId = service.Id, SessionMinutes = 60, Sessions = sessions, IntervalDays = 7, Goal = "Sleep through", StartDate = new DateOnly(2027, 2, 25) });
                return await db.SaveChangesAsync();
            });
        }

        return (done, next);
    }

    private async Task QueueAsync()
    {
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<CheckIns>().QueueDueAsync();
    }

    private async Task<string> LinkAsync(string email = Email)
    {
        var mail = (await MailPickup.ToAsync(factory, email)).Single(m => m.Subject!.StartsWith("How is your back?", StringComparison.Ordinal));
        return MailPickup.LinkIn(mail, "/check-in/");
    }

    private static List<KeyValuePair<string, string>> Answer(string score, string changes = "Easier in the mornings", params string[] flags) =>
    [
        new("PainScore", score), new("Changes", changes),
        .. (flags.Length == 0 ? [new KeyValuePair<string, string>("NoRedFlags", "true")] : flags.Select(f => new KeyValuePair<string, string>("RedFlags", f))),
    ];

    [Fact]
    public void go_out_two_days_before_by_default() =>
        Assert.Equal(2, new CheckInOptions().DaysBefore);

    [Fact]
    public async Task paul_sees_how_many_days_before_they_go_on_the_settings_overview_with_the_key_that_sets_it()
    {
        factory.Settings["CheckIns:DaysBefore"] = "3";
        using var paul = await factory.TherapistAsync();

        var days = (await (await paul.GetAsync("/admin/settings")).ReadHtmlAsync()).QuerySelector("#check-ins-days")!.TextContent;

        Assert.Contains("Sent 3 days before each visit", days, StringComparison.Ordinal);
        Assert.Contains("CheckIns:DaysBefore", days, StringComparison.Ordinal);
    }

    [Fact]
    public async Task are_sent_once_at_nine_two_days_before_a_course_visit_with_no_health_detail_in_the_email()
    {
        var (_, next) = await OnACourseAsync();

        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 8, 59)));
        await QueueAsync();
        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync()));

        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        await QueueAsync();
        Assert.Equal(next.Id, await factory.WithDbAsync(db => db.CheckIns.Select(c => c.AppointmentId).SingleAsync()));

        var mail = (await MailPickup.ToAsync(factory, Email)).Single(m => m.Subject!.StartsWith("How is your back?", StringComparison.Ordinal));
        Assert.Equal("How is your back? Two questions before your visit on Thu 4 Mar 10:00", mail.Subject);
        Assert.DoesNotContain("Aching lower back", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Sleep through", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task are_not_sent_to_a_client_without_a_course()
    {
        await OnACourseAsync("no.course@client.example", course: false);
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 12)));

        await QueueAsync();

        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync()));
    }

    [Fact]
    public async Task are_not_sent_for_a_visit_after_the_clients_course_has_ended()
    {
        // A course of one session, done on 25 February: the visit of 4 March is not one of it.
        await OnACourseAsync("course.ended@client.example", sessions: 1);
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 12)));

        await QueueAsync();

        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync()));
    }

    [Fact]
    public async Task an_answer_joins_the_pain_chart_as_the_clients_own_and_paul_reads_it_on_the_visit()
    {
        var (done, next) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();

        using var answered = await FormPost.PostAsync(anyone, link, link, Answer("5", "Stiff-k9 after driving"));
        Assert.Contains("Paul has your answers", await answered.TextAsync(), StringComparison.Ordinal);

        // The link was for one answer: opened again, it shows no answers.
        var again = await (await anyone.GetAsync(link)).TextAsync();
        Assert.Contains("Thank you: Paul has your answers", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Stiff-k9", again, StringComparison.Ordinal);

        using var paul = await factory.TherapistAsync(followRedirects: false);
        var visitPage = Text(await paul.GetStringAsync($"/admin/requests/{next.Id}"));
        Assert.Contains("Pain now 5/10 (last time 4/10)", visitPage, StringComparison.Ordinal);
        Assert.Contains("Stiff-k9 after driving", visitPage, StringComparison.Ordinal);
        var record = await paul.GetStringAsync($"/admin/clients/{done.ClientId}");
        Assert.Contains("pain-chart-own", record, StringComparison.Ordinal);
        Assert.Contains("1 of them from check-ins between visits", Text(record), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == NotificationKind.TherapistCheckInAlert)));
    }

    [Fact]
    public async Task the_form_posts_its_answers_under_the_names_the_answer_binds()
    {
        await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();
        var form = (await (await anyone.GetAsync(link)).ReadHtmlAsync()).QuerySelector("#check-in-form")!;

        // Filled in as a browser would, with the names the page gives its fields.
        using var answered = await FormPost.PostAsync(anyone, link, link,
        [
            new(form.QuerySelector("#pain-5")!.GetAttribute("name")!, "5"),
            new(form.QuerySelector("textarea")!.GetAttribute("name")!, "Named-by-the-form"),
            new(form.QuerySelector("input[type=checkbox]:not([id^='flag-'])")!.GetAttribute("name")!, "true"),
        ]);

        Assert.Contains("Paul has your answers", await answered.TextAsync(), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync());
        Assert.Equal((5, "Named-by-the-form"), (stored.PainScore!.Value, stored.Changes!));
    }

    [Fact]
    public async Task a_red_flag_gives_the_medical_advice_and_alerts_paul_without_a_health_detail_in_his_email()
    {
        var (_, next) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();

        // No score given: the red flag is screened first, as on the booking form.
        using var response = await FormPost.PostAsync(anyone, link, link, [new("RedFlags", "SaddleNumbness"), new("Changes", "Numb-z3 since Sunday")]);

        var page = await response.TextAsync();
        Assert.Contains("Call 999 or go to A&E now.", page, StringComparison.Ordinal);
        var alert = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == NotificationKind.TherapistCheckInAlert));
        Assert.Equal(next.Id, alert.AppointmentId);
        Assert.DoesNotContain("Numb", alert.TextBody ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("999", alert.TextBody ?? string.Empty, StringComparison.Ordinal);
        using var paul = await factory.TherapistAsync(followRedirects: false);
        var visitPage = Text(await paul.GetStringAsync($"/admin/requests/{next.Id}"));
        Assert.Contains("Numbness or tingling around the buttocks", visitPage, StringComparison.Ordinal);
        Assert.Contains("Needs a look.", visitPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_score_clearly_worse_than_the_last_alerts_paul_even_without_a_red_flag()
    {
        await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();

        using var response = await FormPost.PostAsync(anyone, link, link, Answer("7"));

        Assert.Contains("Paul has your answers", await response.TextAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == NotificationKind.TherapistCheckInAlert)));
    }

    [Fact]
    public async Task a_missing_answer_is_explained_beside_its_question_and_what_was_typed_is_kept()
    {
        await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();

        using var response = await FormPost.PostAsync(anyone, link, link, [new("Changes", "Kept-words")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"PainScore-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"RedFlags-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept-words", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.AnsweredUtc != null)));
    }

    [Fact]
    public async Task the_link_expires_after_the_visit_and_a_guessed_one_reaches_nothing()
    {
        await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 11)));
        using var anyone = factory.Browser();

        Assert.Contains("the link no longer works", await (await anyone.GetAsync(link)).TextAsync(), StringComparison.Ordinal);
        using var late = await FormPost.PostAsync(anyone, link, link, Answer("3"));
        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.AnsweredUtc != null)));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(link[..^2] + "00")).StatusCode);
    }

    /// <summary>Changes the visit through its own methods, as the booking pages do.</summary>
    private Task ChangeVisitAsync(int appointmentId, Action<Appointment> change) =>
        factory.WithDbAsync(async db =>
        {
            change(await db.Appointments.Include(a => a.SlotClaims).SingleAsync(a => a.Id == appointmentId));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task the_link_follows_its_visit_when_the_visit_is_moved_later()
    {
        var (_, next) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        await ChangeVisitAsync(next.Id, a => a.MoveTo(Visits.March(6, 10), 30, "therapist", factory.Clock.GetUtcNow().UtcDateTime, "Moved by the therapist"));

        // After the visit's first time, before its new one: the link still works, and tells the new time.
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 12)));
        using var anyone = factory.Browser();
        Assert.Contains("Before your visit on Saturday 6 March at 10:00", await (await anyone.GetAsync(link)).TextAsync(), StringComparison.Ordinal);
        using var answered = await FormPost.PostAsync(anyone, link, link, Answer("3"));

        Assert.Contains("Paul has your answers", await answered.TextAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.AnsweredUtc != null)));
    }

    [Fact]
    public async Task the_link_of_a_cancelled_visit_says_so_and_takes_no_answer()
    {
        var (_, next) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        await ChangeVisitAsync(next.Id, a => a.ChangeStatus(AppointmentStatus.Cancelled, "client", factory.Clock.GetUtcNow().UtcDateTime));
        using var anyone = factory.Browser();

        var page = await (await anyone.GetAsync(link)).ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("#check-in-called-off"));
        Assert.Null(page.QuerySelector("#check-in-form"));
        using var late = await FormPost.PostAsync(anyone, link, link, Answer("3"));

        Assert.DoesNotContain("Paul has your answers", await late.TextAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.AnsweredUtc != null)));
    }

    [Fact]
    public async Task one_click_stops_every_check_in_to_come()
    {
        var (done, _) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using var anyone = factory.Browser();

        using var stopped = await FormPost.PostAsync(anyone, link, link + "/stop", []);

        Assert.Contains("we will not send you check-ins between visits any more", await stopped.TextAsync(), StringComparison.Ordinal);
        await factory.VisitAsync(Email, Visits.March(11, 10), AppointmentStatus.Confirmed);
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(9, 9)));
        await QueueAsync();
        Assert.Equal(1, await factory.WithDbAsync(db => db.CheckIns.CountAsync(c => c.ClientId == done.ClientId)));
    }

    [Fact]
    public async Task answers_are_ciphertext_at_rest_in_the_export_and_erased_with_the_client()
    {
        var (done, _) = await OnACourseAsync();
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 9)));
        await QueueAsync();
        var link = await LinkAsync();
        using (var anyone = factory.Browser())
        {
            using var answered = await FormPost.PostAsync(anyone, link, link, Answer("5", "Private-w8 words"));
        }

        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT PainScore, Changes, RedFlags FROM CheckIns";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < 3; i++)
            {
                Assert.StartsWith(ColumnProtector.Prefix, reader.GetString(i), StringComparison.Ordinal);
            }
        }

        await factory.ClientAccountAsync(Email);
        using (var client = await factory.SignedInAsync(Email))
        {
            Assert.Contains("Private-w8 words", await client.GetStringAsync("/account/privacy/my-data"), StringComparison.Ordinal);
        }

        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(done.ClientId, "therapist");
        }

        Assert.False(await factory.WithDbAsync(db => db.CheckIns.AnyAsync()));
    }
}
