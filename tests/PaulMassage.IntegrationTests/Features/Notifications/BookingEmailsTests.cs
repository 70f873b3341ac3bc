using System.Net;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.IntegrationTests.Features.Notifications;

/// <summary>Each booking change reaches the people it concerns, over real SMTP.</summary>
public sealed class TheBookingEmails : IAsyncLifetime
{
    private static readonly DateTime WednesdayTen = new(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc);
    private MailPractice practice = null!;

    public async Task InitializeAsync() => practice = await MailPractice.StartAsync();

    public async Task DisposeAsync() => await practice.DisposeAsync();

    [Fact]
    public async Task a_new_request_sends_the_client_an_acknowledgement_and_the_therapist_a_notice()
    {
        var booked = await practice.BookAsync(WednesdayTen);

        var report = await practice.DispatchAsync();

        Assert.Equal(2, report.Sent);
        var mails = practice.TakeReceived();
        var client = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.ClientEmail));
        Assert.Equal($"Request received: Deep tissue massage on Wed 3 Mar 10:00 ({booked.Reference})", client.Message.Subject);
        Assert.Equal("hello@paulmassage.example", client.Message.From.Mailboxes.Single().Address);
        Assert.Contains("Wednesday 3 March 2027 at 10:00", client.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wednesday 3 March 2027 at 10:00", client.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/bookings/{booked.ManageToken}", client.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/bookings/{booked.ManageToken}", client.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("07700 900123", client.Message.TextBody, StringComparison.Ordinal);

        var therapist = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.TherapistAddress));
        Assert.StartsWith($"New request {booked.Reference}: Wed 3 Mar 10:00", therapist.Message.Subject, StringComparison.Ordinal);
        Assert.Equal(MailPractice.ClientEmail, therapist.Message.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains(MailPractice.ClientName, therapist.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_link_in_the_acknowledgement_opens_the_clients_booking()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();
        var mail = Assert.Single(practice.TakeReceived(), m => m.EnvelopeTo.Contains(MailPractice.ClientEmail));
        var link = mail.Message.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/bookings/", StringComparison.Ordinal));

        using var http = practice.Factory.CreateClient();
        var page = await http.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(booked.Reference, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_flagged_by_screening_is_marked_in_the_therapists_subject()
    {
        var booked = await practice.BookAsync(WednesdayTen, contraindications: Contraindication.BloodThinners);

        await practice.DispatchAsync();

        var therapist = Assert.Single(practice.TakeReceived(), m => m.EnvelopeTo.Contains(MailPractice.TherapistAddress));
        Assert.StartsWith($"[Needs review] New request {booked.Reference}", therapist.Message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("thinner", AllText(therapist.Message), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task no_email_carries_what_the_client_wrote_in_the_intake()
    {
        var booked = await practice.BookAsync(WednesdayTen, contraindications: Contraindication.Pregnancy);
        await practice.ConfirmAsync(booked.Reference);
        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.ChangeStatus(AppointmentStatus.Completed, "therapist", practice.Clock.GetUtcNow().UtcDateTime);
            await n.VisitCompletedAsync(a);
        });

        await practice.DispatchAsync();

        var mails = practice.TakeReceived();
        Assert.Equal(4, mails.Count);
        foreach (var mail in mails)
        {
            var all = AllText(mail.Message);
            Assert.DoesNotContain(MailPractice.SecretComplaint, all, StringComparison.Ordinal);
            Assert.DoesNotContain(MailPractice.SecretHistory, all, StringComparison.Ordinal);
            Assert.DoesNotContain("pregnan", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1 Test Street", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_confirmation_carries_a_calendar_invitation_in_london_time_at_the_postcode()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();
        practice.TakeReceived();

        await practice.ConfirmAsync(booked.Reference);
        await practice.DispatchAsync();

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal([MailPractice.ClientEmail], mail.EnvelopeTo);
        Assert.Equal("Confirmed: your massage on Wednesday 3 March 2027 at 10:00", mail.Message.Subject);
        Assert.NotNull(mail.Message.TextBody);
        Assert.NotNull(mail.Message.HtmlBody);
        var attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal("visit.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);

        var calendar = Ical.Net.Calendar.Load(Ics(attachment))!;
        Assert.Equal("REQUEST", calendar.Method);
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("Europe/London", visit.Start!.TzId);
        Assert.Equal(WednesdayTen, visit.Start.AsUtc);
        Assert.Equal(WednesdayTen.AddMinutes(60), visit.End!.AsUtc);
        Assert.Equal("SE1 7PB", visit.Location);
        Assert.StartsWith(booked.Reference + "@", visit.Uid, StringComparison.Ordinal);
        Assert.Equal($"mailto:{MailPractice.ClientEmail}", Assert.Single(visit.Attendees).Value!.ToString());
    }

    [Fact]
    public async Task a_declined_request_tells_the_client_the_reason()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();
        practice.TakeReceived();

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.Decline("I am away at a training course that week.", "therapist", practice.Clock.GetUtcNow().UtcDateTime);
            await n.VisitDeclinedAsync(a);
        });
        await practice.DispatchAsync();

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal("Sorry, Paul cannot take your request for Wednesday 3 March", mail.Message.Subject);
        Assert.Contains("I am away at a training course that week.", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("I am away at a training course that week.", mail.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_suggested_time_is_offered_to_the_client_with_their_link()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();
        practice.TakeReceived();

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.ChangeStatus(AppointmentStatus.AlternativeProposed, "therapist", practice.Clock.GetUtcNow().UtcDateTime);
            await n.AlternativeProposedAsync(a, WednesdayTen.AddDays(1).AddHours(4), "The afternoon suits my route better.");
        });
        await practice.DispatchAsync();

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal($"Paul suggests another time for your massage ({booked.Reference})", mail.Message.Subject);
        Assert.Contains("Thursday 4 March 2027 at 14:00", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("The afternoon suits my route better.", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/bookings/{booked.ManageToken}", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_client_cancelling_online_gets_a_calendar_cancellation_and_the_therapist_is_told()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.ConfirmAsync(booked.Reference);
        await practice.DispatchAsync();
        practice.TakeReceived();

        using var http = practice.Factory.CreateClient();
        var response = await FormPost.PostAsync(http, $"/bookings/{booked.ManageToken}", $"/bookings/{booked.ManageToken}/cancel", []);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode + " " + response.RequestMessage?.RequestUri + " " + await response.Content.ReadAsStringAsync());
        await practice.DispatchAsync();

        var mails = practice.TakeReceived();
        Assert.Equal(2, mails.Count);
        var client = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.ClientEmail));
        Assert.Equal("Cancelled: your massage on Wednesday 3 March 2027 at 10:00", client.Message.Subject);
        var ics = Assert.Single(client.Message.Attachments.OfType<MimePart>());
        var calendar = Ical.Net.Calendar.Load(Ics(ics))!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.StartsWith(booked.Reference + "@", Assert.Single(calendar.Events).Uid, StringComparison.Ordinal);
        var therapist = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.TherapistAddress));
        Assert.Equal($"Cancelled by the client: {booked.Reference}, Wed 3 Mar 10:00", therapist.Message.Subject);
    }

    [Fact]
    public async Task a_move_by_the_client_tells_both_and_updates_the_same_calendar_event()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.ConfirmAsync(booked.Reference);
        await practice.DispatchAsync();
        var firstUid = Ical.Net.Calendar.Load(Ics(practice.TakeReceived().Single(m => m.Message.Attachments.Any()).Message.Attachments.OfType<MimePart>().Single()))!.Events.Single().Uid;

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.MoveTo(WednesdayTen.AddDays(2), 30, "client", practice.Clock.GetUtcNow().UtcDateTime, "Moved by the client");
            await n.VisitMovedAsync(a, ChangedBy.Client);
        });
        await practice.DispatchAsync();

        var mails = practice.TakeReceived();
        var client = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.ClientEmail));
        Assert.Equal("Moved: your massage is now on Friday 5 March 2027 at 10:00", client.Message.Subject);
        Assert.Contains("from Wednesday 3 March 2027 at 10:00 to Friday 5 March 2027 at 10:00", client.Message.TextBody, StringComparison.Ordinal);
        var visit = Ical.Net.Calendar.Load(Ics(client.Message.Attachments.OfType<MimePart>().Single()))!.Events.Single();
        Assert.Equal(firstUid, visit.Uid);
        Assert.Equal(WednesdayTen.AddDays(2), visit.Start!.AsUtc);
        var therapist = Assert.Single(mails, m => m.EnvelopeTo.Contains(MailPractice.TherapistAddress));
        Assert.Equal($"Moved by the client: {booked.Reference}, now Fri 5 Mar 10:00", therapist.Message.Subject);
    }

    [Fact]
    public async Task after_the_visit_the_client_gets_the_link_to_their_plan_and_to_book_the_next_session()
    {
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.ConfirmAsync(booked.Reference);
        await practice.DispatchAsync();
        practice.TakeReceived();
        practice.Clock.SetUtcNow(WednesdayTen.AddHours(2));

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.ChangeStatus(AppointmentStatus.Completed, "therapist", practice.Clock.GetUtcNow().UtcDateTime);
            await n.VisitCompletedAsync(a);
        });
        await practice.DispatchAsync();

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal($"After your massage on Wednesday 3 March: your plan and your next session ({booked.Reference})", mail.Message.Subject);
        Assert.Contains($"/bookings/{booked.ManageToken}/plan", mail.Message.TextBody, StringComparison.Ordinal);
        var link = mail.Message.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/book/slots?", StringComparison.Ordinal));
        using var http = practice.Factory.CreateClient();
        var page = await http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Deep tissue massage", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task identitys_password_reset_goes_through_the_outbox()
    {
        await using (var scope = practice.Factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var paul = await users.FindByEmailAsync(PracticeAppFactory.TherapistEmail);
            var sender = scope.ServiceProvider.GetRequiredService<IEmailSender<AppUser>>();
            await sender.SendPasswordResetLinkAsync(paul!, PracticeAppFactory.TherapistEmail, "http://localhost:5080/account/reset?code=abc%2Bdef");
        }

        await practice.DispatchAsync();

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal([PracticeAppFactory.TherapistEmail], mail.EnvelopeTo);
        Assert.Equal("Reset your Paul Massage password", mail.Message.Subject);
        Assert.Contains("http://localhost:5080/account/reset?code=abc%2Bdef", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/account/reset?code=abc%2Bdef", mail.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task sent_messages_keep_their_record_but_lose_their_bodies()
    {
        await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();

        var rows = await practice.OutboxAsync();

        Assert.All(rows, r =>
        {
            Assert.Equal(OutboxStatus.Sent, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.NotNull(r.SentUtc);
            Assert.Empty(r.TextBody);
            Assert.Empty(r.HtmlBody);
            Assert.Null(r.LeaseOwner);
        });
    }

    private static string Ics(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string AllText(MimeMessage message)
    {
        var text = new StringBuilder(message.Subject).Append(message.TextBody).Append(message.HtmlBody);
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            text.Append(Ics(part));
        }

        return text.ToString();
    }
}
