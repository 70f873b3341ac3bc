using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>The client reads their own plan: in their account, and through the link in the one after-visit e-mail.</summary>
public sealed class TheClientsOwnPlan : IDisposable
{
    private const string Email = "olivia.plan@client.example";
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_after_visit_email_names_the_day_of_the_visit_and_links_to_the_plan_without_a_health_detail_in_it()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(factory, Visits.March(2, 10), "Olivia Plan");
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 18))); // Paul records it two days later
        using var paul = await factory.TherapistAsync();
        using (var done = await PaymentArrange.FinishAsync(paul, factory, visit.Id))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        await factory.PlanAsync(visit, "Muscular-r7 pain needs deeper work.", ("Knee hugs", "Left-side-k3 only"));

        var outbox = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.Aftercare));
        var email = await factory.WithDbAsync(db => db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Email).SingleAsync());
        var mail = (await MailPickup.ToAsync(factory, email)).Single(m => m.Subject!.StartsWith("After your massage", StringComparison.Ordinal));
        Assert.Contains("on Tuesday 2 March", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("round on Tuesday 2 March.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("today", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        foreach (var text in new[] { mail.TextBody, mail.HtmlBody, outbox.Subject, outbox.TextBody ?? string.Empty, outbox.HtmlBody ?? string.Empty })
        {
            foreach (var health in new[] { "Left-side-k3", "Muscular-r7", "Knee hugs", "Aching lower back", "glutes" })
            {
                Assert.DoesNotContain(health, text, StringComparison.Ordinal);
            }
        }

        // The link opens the plan of that visit for whoever holds it, as the booking's own page does.
        using var anyone = factory.Browser();
        var page = await (await anyone.GetAsync(MailPickup.LinkIn(mail, $"/bookings/{visit.Token}/plan"))).TextAsync();
        Assert.Contains("Your plan after the visit of Tuesday 2 March 2027", page, StringComparison.Ordinal);
        Assert.Contains("Paul's note for you: Left-side-k3 only", page, StringComparison.Ordinal);
        Assert.Contains("Muscular-r7 pain needs deeper work.", page, StringComparison.Ordinal);
        Assert.Contains("Your plan from this visit", await (await anyone.GetAsync($"/bookings/{visit.Token}")).TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task before_paul_has_written_it_the_link_says_so_and_gives_the_safety_advice()
    {
        var visit = await factory.VisitAsync(Email, Visits.March(1, 7), AppointmentStatus.Completed, name: "Olivia Plan");
        using var anyone = factory.Browser();

        var page = await (await anyone.GetAsync($"/bookings/{visit.Token}/plan")).TextAsync();

        Assert.Contains("Paul has not put your plan for the visit of Monday 1 March 2027 here yet", page, StringComparison.Ordinal);
        Assert.Contains("call NHS 111, or 999 in an emergency", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task my_plan_in_the_account_shows_the_latest_version_with_its_drawings_the_course_and_the_earlier_versions()
    {
        var first = await factory.VisitAsync(Email, new DateTime(2027, 2, 8, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olivia Plan");
        var second = await factory.VisitAsync(Email, new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed);
        await factory.PlanAsync(first, "First-version reason.", ("Pelvic tilts", "Old-note-p1"));
        await factory.PlanAsync(second, "Second-version reason.", ("Knee hugs", "New-note-p2"), ("Your work set-up", null));
        await factory.WithDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage");
            db.Courses.Add(new CourseOfTreatment { ClientId = first.ClientId, ServiceId = service.Id, SessionMinutes = 60, Sessions = 6, IntervalDays = 14, Goal = "Garden again", StartDate = new DateOnly(2027, 2, 8) });
            return await db.SaveChangesAsync();
        });
        await factory.ClientAccountAsync(Email);
        using var client = await factory.SignedInAsync(Email);

        Assert.Contains("href=\"/account/plan\"", await client.GetStringAsync("/account"), StringComparison.Ordinal);
        var html = await client.GetStringAsync("/account/plan");
        var text = Text(html);
        Assert.Contains("Your plan after the visit of Monday 22 February 2027", text, StringComparison.Ordinal);
        Assert.Contains("Paul's note for you: New-note-p2", text, StringComparison.Ordinal);
        Assert.Contains("Your work set-up", text, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"self-help-drawing\"", html, StringComparison.Ordinal); // the knee hug, inline
        Assert.Contains("Goal: Garden again", text, StringComparison.Ordinal);
        Assert.Contains("pain-chart", html, StringComparison.Ordinal);
        Assert.Contains("Version 1, after your visit of 8 February 2027", text, StringComparison.Ordinal);
        Assert.Contains("Old-note-p1", text, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task my_plan_finds_a_record_paul_made_for_the_address_after_the_client_registered()
    {
        // Registered first; Paul then booked the address by phone, which made the address's record anew.
        await factory.ClientAccountAsync(Email);
        var visit = await factory.VisitAsync(Email, new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olivia Plan");
        await factory.PlanAsync(visit, "Linked-later reason.", ("Knee hugs", "Linked-later-n4"));
        using var client = await factory.SignedInAsync(Email);

        var text = Text(await client.GetStringAsync("/account/plan"));

        Assert.Contains("Paul's note for you: Linked-later-n4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bookings_link_shows_the_version_given_at_that_visit_only_and_no_course_chart()
    {
        var first = await factory.VisitAsync(Email, new DateTime(2027, 2, 8, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olivia Plan");
        var second = await factory.VisitAsync(Email, new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed);
        await factory.PlanAsync(first, "First-version reason.", ("Pelvic tilts", "Old-note-p1"));
        await factory.PlanAsync(second, "Second-version reason.", ("Knee hugs", "New-note-p2"));
        await factory.WithDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage");
            db.Courses.Add(new CourseOfTreatment { ClientId = first.ClientId, ServiceId = service.Id, SessionMinutes = 60, Sessions = 6, IntervalDays = 14, Goal = "Garden again", StartDate = new DateOnly(2027, 2, 8) });
            return await db.SaveChangesAsync();
        });
        using var anyone = factory.Browser();

        var html = await anyone.GetStringAsync($"/bookings/{first.Token}/plan");
        var text = Text(html);

        Assert.Contains("Old-note-p1", text, StringComparison.Ordinal);
        Assert.Contains("First-version reason.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("New-note-p2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Second-version", text, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Reference, text, StringComparison.Ordinal);
        Assert.DoesNotContain("pain-chart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Garden again", text, StringComparison.Ordinal);

        // The later visit's link does not tell, by its version's number, that an earlier plan exists.
        var later = Text(await anyone.GetStringAsync($"/bookings/{second.Token}/plan"));
        Assert.Contains("Second-version reason.", later, StringComparison.Ordinal);
        Assert.DoesNotContain("Version 2", later, StringComparison.Ordinal);
    }
}
