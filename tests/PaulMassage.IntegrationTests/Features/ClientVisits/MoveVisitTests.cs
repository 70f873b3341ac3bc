using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.ClientVisits;

/// <summary>Clients move (and cancel) their own visits up to 24 hours before, from the manage link or their account.</summary>
public sealed class MovingAVisit(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Password = "mover's long passphrase";

    private PracticeAppFactory Factory => fixture.Factory;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts a new time; the antiforgery token comes from the sign-in page, as the move page may have no form.</summary>
    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string moveUrl, DateTime to) =>
        FormPost.PostAsync(client, "/account/sign-in", moveUrl, [new("Start", Iso(to))]);

    [Fact]
    public async Task through_the_manage_link_a_visit_moves_to_a_free_time_and_frees_its_old_one()
    {
        var visit = await Factory.VisitAsync("mover@test.example", Visits.March(15, 10));
        using var client = Factory.Browser();
        var page = await client.GetAsync($"/bookings/{visit.Token}/move");
        Assert.True(page.Headers.CacheControl?.NoStore);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(Iso(Visits.March(16, 14)), html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{Iso(Visits.March(15, 10))}\"", html, StringComparison.Ordinal); // not its own current time

        var moved = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(16, 14));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/bookings/{visit.Token}", moved.Headers.Location?.OriginalString);
        Assert.Contains("Your visit is moved to Tuesday 16 March at 14:00", Text(await client.GetStringAsync($"/bookings/{visit.Token}")), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.SlotClaims).Include(a => a.History).SingleAsync(a => a.Id == visit.Id));
        Assert.Equal(Visits.March(16, 14), stored.StartUtc);
        Assert.Equal(Visits.March(16, 15), stored.EndUtc);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Equal(SlotClaim.CellsFor(Visits.March(16, 14), Visits.March(16, 15), 30).ToList(), stored.SlotClaims.Select(c => c.CellStartUtc).Order().ToList());
        Assert.Contains(stored.History, e => e.Actor == BookingService.ClientActor && e.Note?.StartsWith("Moved by the client", StringComparison.Ordinal) == true);
        Assert.Null(stored.ReminderQueuedUtc); // the day-before reminder follows the new day

        // Paul's history of the visit shows a move with its times, not "Confirmed -> Confirmed".
        using (var paul = await Factory.TherapistAsync())
        {
            var history = Text(await paul.GetStringAsync($"/admin/requests/{visit.Id}"));
            Assert.Contains("Client: moved the visit (still Confirmed) Moved by the client from Mon 15 Mar 2027 10:00 to Tue 16 Mar 2027 14:00", history, StringComparison.Ordinal);
            Assert.DoesNotContain("Confirmed \u2192 Confirmed", history, StringComparison.Ordinal);
        }

        // Both sides hear of it: the client and Paul.
        var moves = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == visit.Id
            && (m.Kind == NotificationKind.Moved || m.Kind == NotificationKind.TherapistMoved)).ToListAsync());
        var toClient = Assert.Single(moves, m => m.Kind == NotificationKind.Moved);
        Assert.Equal("mover@test.example", toClient.ToAddress);
        Assert.Single(moves, m => m.Kind == NotificationKind.TherapistMoved);

        using var visitor = Factory.CreateClient();
        Assert.Contains(Visits.March(15, 10), await AvailabilityProbe.FreeStartsAsync(visitor, new DateOnly(2027, 3, 15)));
        Assert.DoesNotContain(Visits.March(16, 14), await AvailabilityProbe.FreeStartsAsync(visitor, new DateOnly(2027, 3, 16)));
    }

    [Fact]
    public async Task the_move_page_opens_on_the_first_days_without_an_earlier_link_and_pages_never_repeat_days()
    {
        var visit = await Factory.VisitAsync("pager@test.example", Visits.March(5, 10)); // today is Monday 1 March

        using var client = Factory.Browser();
        var first = await (await client.GetAsync($"/bookings/{visit.Token}/move")).ReadHtmlAsync();

        var weeks = first.QuerySelector("nav[aria-label='Weeks']")!;
        Assert.DoesNotContain("Earlier", weeks.TextContent, StringComparison.Ordinal);
        var later = weeks.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Later", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("week=2027-03-08", later, StringComparison.Ordinal);
        var second = await (await client.GetAsync(later)).ReadHtmlAsync();
        var earlier = second.QuerySelectorAll("nav[aria-label='Weeks'] a").Single(a => a.TextContent.Contains("Earlier", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("week=2027-03-01", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_visit_can_move_by_a_quarter_of_an_hour_over_its_own_time()
    {
        var visit = await Factory.VisitAsync("nudge@test.example", Visits.March(17, 15));
        using var client = Factory.Browser();

        var moved = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(17, 15, 15));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var claims = await Factory.WithDbAsync(db => db.SlotClaims.Where(c => c.AppointmentId == visit.Id).Select(c => c.CellStartUtc).OrderBy(c => c).ToListAsync());
        Assert.Equal(SlotClaim.CellsFor(Visits.March(17, 15, 15), Visits.March(17, 16, 15), 30).ToList(), claims);
    }

    [Theory]
    [InlineData(9, 18, 10, 30, "That time clashes with another visit (Paul needs time to travel between visits).")]
    [InlineData(11, 18, 20, 0, "Paul does not take visits at that time.")]
    [InlineData(13, 19, 12, 0, "Paul is away at that time.")]
    [InlineData(15, 2, 8, 45, "That time is too soon: visits need at least 24 hours' notice.")]
    public async Task a_move_onto_a_time_that_is_not_free_is_refused_with_the_reason_and_changes_nothing(int ownHour, int day, int hour, int minute, string reason)
    {
        await EnsureObstaclesAsync();
        var visit = await Factory.VisitAsync($"refused-{ownHour}@test.example", Visits.March(26, ownHour));
        using var client = Factory.Browser();

        var response = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(day, hour, minute));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(visit.StartUtc, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == visit.Id).Select(a => a.StartUtc).SingleAsync()));
        Assert.Equal(6, await Factory.WithDbAsync(db => db.SlotClaims.CountAsync(c => c.AppointmentId == visit.Id)));
    }

    /// <summary>Someone else's visit on Thursday 18 March at 10:00, and time off all Friday 19 March.</summary>
    private async Task EnsureObstaclesAsync()
    {
        if (await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email == "obstacle@test.example")))
        {
            return;
        }

        await Factory.VisitAsync("obstacle@test.example", Visits.March(18, 10));
        await Factory.WithDbAsync(db =>
        {
            db.TimeOff.Add(new TimeOff { StartUtc = Visits.March(19, 0), EndUtc = Visits.March(20, 0), Reason = "Away" });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task a_move_that_loses_the_race_for_the_new_time_is_refused_and_leaves_the_visit_as_it_was()
    {
        var visit = await Factory.VisitAsync("racer@test.example", Visits.March(29, 10));

        // Another visit has claimed 14:30 since the free times were worked out: the claim row is there,
        // the visit that owns it is not yet visible to the availability check.
        var rival = await Factory.VisitAsync("rival@test.example", Visits.March(29, 17), AppointmentStatus.Cancelled);
        await Factory.WithDbAsync(db =>
        {
            db.SlotClaims.Add(new SlotClaim { CellStartUtc = Visits.March(29, 14, 30), AppointmentId = rival.Id });
            return db.SaveChangesAsync();
        });
        using var client = Factory.Browser();

        var response = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(29, 14));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That time clashes with another visit", await response.TextAsync(), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.SlotClaims).Include(a => a.History).SingleAsync(a => a.Id == visit.Id));
        Assert.Equal(Visits.March(29, 10), stored.StartUtc);
        Assert.Equal(SlotClaim.CellsFor(Visits.March(29, 10), Visits.March(29, 11), 30).ToList(), stored.SlotClaims.Select(c => c.CellStartUtc).Order().ToList());
        Assert.DoesNotContain(stored.History, e => e.Note?.StartsWith("Moved", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task within_24_hours_the_page_explains_the_policy_and_a_move_or_cancel_is_refused()
    {
        var soon = await Factory.VisitAsync("soon@test.example", Visits.March(2, 8)); // Tuesday 08:00, 23 hours away
        using var client = Factory.Browser();

        var manage = Text(await client.GetStringAsync($"/bookings/{soon.Token}"));
        Assert.Contains("can no longer be cancelled online", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("Move this visit", manage, StringComparison.Ordinal);

        var page = await client.GetAsync($"/bookings/{soon.Token}/move");
        var text = await page.TextAsync();
        Assert.Contains("This visit cannot be moved online", text, StringComparison.Ordinal);
        Assert.Contains("up to 24 hours before they start", text, StringComparison.Ordinal);
        Assert.Contains("07700 900123", text, StringComparison.Ordinal);

        var moved = await MoveAsync(client, $"/bookings/{soon.Token}/move", Visits.March(16, 16));
        Assert.Contains("can no longer be moved online", await moved.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(Visits.March(2, 8), await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == soon.Id).Select(a => a.StartUtc).SingleAsync()));
    }

    [Fact]
    public async Task from_the_account_a_client_moves_and_cancels_their_own_visits()
    {
        var visit = await Factory.VisitAsync("account-mover@test.example", Visits.March(23, 10), name: "Mo Mover");
        var other = await Factory.VisitAsync("account-mover@test.example", Visits.March(24, 10));
        await Factory.ClientAccountAsync("account-mover@test.example", Password);
        using var client = await Factory.SignedInAsync("account-mover@test.example", Password);
        Assert.Contains($"/account/visits/{visit.Reference}/move", await client.GetStringAsync("/account"), StringComparison.Ordinal);

        var moved = await MoveAsync(client, $"/account/visits/{visit.Reference}/move", Visits.March(23, 15));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/account", moved.Headers.Location?.OriginalString);
        Assert.Contains("Your visit is moved to Tuesday 23 March at 15:00", Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
        Assert.Equal(Visits.March(23, 15), await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == visit.Id).Select(a => a.StartUtc).SingleAsync()));

        var cancelled = await FormPost.PostAsync(client, "/account", $"/account/visits/{other.Reference}/cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains($"Your visit {other.Reference} is cancelled.", Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.SlotClaims).SingleAsync(a => a.Id == other.Id));
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.Empty(stored.SlotClaims);
    }

    [Fact]
    public async Task from_the_account_a_visit_within_24_hours_shows_the_policy_and_cannot_be_cancelled()
    {
        var soon = await Factory.VisitAsync("account-soon@test.example", Visits.March(2, 6));
        await Factory.ClientAccountAsync("account-soon@test.example", Password);
        using var client = await Factory.SignedInAsync("account-soon@test.example", Password);

        var html = await client.GetStringAsync("/account");
        Assert.Contains("starts within 24 hours, so it can no longer be moved or cancelled online", Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain($"/account/visits/{soon.Reference}/cancel", html, StringComparison.Ordinal);

        var cancel = await FormPost.PostAsync(client, "/account", $"/account/visits/{soon.Reference}/cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Contains("starts in less than 24 hours, so it can no longer be cancelled online", Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Confirmed, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == soon.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task a_cancelled_visit_cannot_be_moved()
    {
        var visit = await Factory.VisitAsync("cancelled-mover@test.example", Visits.March(25, 10), AppointmentStatus.Cancelled);
        using var client = Factory.Browser();
        Assert.Contains("no longer booked, so there is nothing to move", await (await client.GetAsync($"/bookings/{visit.Token}/move")).TextAsync(), StringComparison.Ordinal);
        var moved = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(25, 14));
        Assert.Contains("can no longer be moved online", await moved.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_visit_with_a_proposed_time_can_be_cancelled_but_not_moved_until_the_proposal_is_answered()
    {
        var visit = await Factory.VisitAsync("proposal-mover@test.example", Visits.March(19, 10), AppointmentStatus.Requested);
        await Factory.WithDbAsync(async db =>
        {
            var appointment = await db.Appointments.Include(a => a.SlotClaims).SingleAsync(a => a.Id == visit.Id);
            appointment.ProposeTime(Visits.March(19, 14), AvailabilityRules.Defaults.TravelBufferMinutes, "therapist", Factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        using var client = Factory.Browser();

        var manage = await (await client.GetAsync($"/bookings/{visit.Token}")).TextAsync();
        Assert.Contains("Cancel this visit", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("Move this visit", manage, StringComparison.Ordinal);
        Assert.Contains("Please answer his suggestion first", await (await client.GetAsync($"/bookings/{visit.Token}/move")).TextAsync(), StringComparison.Ordinal);
        var moved = await MoveAsync(client, $"/bookings/{visit.Token}/move", Visits.March(20, 10));

        Assert.Contains("can no longer be moved online", await moved.TextAsync(), StringComparison.Ordinal);
        var after = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == visit.Id));
        Assert.Equal((AppointmentStatus.AlternativeProposed, Visits.March(19, 10), (DateTime?)Visits.March(19, 14)), (after.Status, after.StartUtc, after.ProposedStartUtc));
    }
}
