using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Notifications;

/// <summary>The outbox delivers every message once: through outages, retries and two instances of the site.</summary>
public sealed class TheOutboxDelivery
{
    private static readonly DateTime WednesdayTen = new(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task with_the_mail_server_down_bookings_succeed_and_messages_wait_then_each_is_delivered_exactly_once()
    {
        await using var practice = await MailPractice.StartAsync(serverRunning: false);
        var first = await practice.BookAsync(WednesdayTen);
        var second = await practice.BookAsync(WednesdayTen.AddDays(1), email: "bob.client@example.com", name: "Bob Client");
        var start = practice.Clock.GetUtcNow().UtcDateTime;

        var report = await practice.DispatchAsync();

        Assert.Equal((4, 0, 4), (report.Claimed, report.Sent, report.Retrying));
        var waiting = await practice.OutboxAsync();
        Assert.Equal(4, waiting.Count);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Equal(start.AddMinutes(1), m.NextAttemptUtc);
            Assert.StartsWith("Could not reach the mail server", m.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("@", m.LastError, StringComparison.Ordinal);
            Assert.NotEmpty(m.TextBody);
        });
        var references = await practice.Factory.WithDbAsync(db => db.Appointments.Select(a => a.Reference).ToListAsync());
        Assert.Equal(new[] { first.Reference, second.Reference }.Order(), references.Order());

        // Not due yet: nobody touches them.
        practice.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);

        // The second try fails too, and the wait doubles.
        practice.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(4, (await practice.DispatchAsync()).Retrying);
        Assert.All(await practice.OutboxAsync(), m =>
        {
            Assert.Equal(2, m.Attempts);
            Assert.Equal(start.AddMinutes(1).AddMinutes(2), m.NextAttemptUtc);
        });
        Assert.Empty(practice.Smtp.Received);

        // The server is back.
        await practice.Smtp.StartAsync();
        practice.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(4, (await practice.DispatchAsync()).Sent);
        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);

        var received = practice.TakeReceived();
        var sent = await practice.OutboxAsync();
        Assert.Equal(4, received.Count);
        Assert.Equal(4, received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(sent.Select(m => m.MessageId).Order(), received.Select(m => m.Message.MessageId).Order());
        Assert.All(sent, m => Assert.Equal((OutboxStatus.Sent, 3, (string?)null), (m.Status, m.Attempts, m.LastError)));
    }

    [Fact]
    public async Task two_instances_sending_at_once_never_send_a_message_twice()
    {
        await using var one = await MailPractice.StartAsync(configure: s => s["Email:BatchSize"] = "3");
        await using var two = await MailPractice.StartAsync(smtp: one.Smtp, configure: s =>
        {
            s["Email:BatchSize"] = "3";
            s["ConnectionStrings:Sqlite"] = $"Data Source={one.Factory.DatabasePath}";
        });
        await using (var scope = one.Factory.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 30; i++)
            {
                outbox.Add(NotificationKind.PasswordReset, $"user{i}@example.com", null, new EmailContent($"Message {i}", $"Text {i}", $"<p>Html {i}</p>"));
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        static async Task<int> DrainAsync(MailPractice instance)
        {
            var sent = 0;
            DispatchReport report;
            do
            {
                report = await instance.DispatchAsync();
                sent += report.Sent;
            }
            while (report.Claimed > 0);
            return sent;
        }

        var counts = await Task.WhenAll(Task.Run(() => DrainAsync(one)), Task.Run(() => DrainAsync(two)));

        Assert.Equal(30, counts.Sum());
        var received = one.TakeReceived();
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.All(await one.OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task a_message_claimed_by_another_instance_is_left_alone_until_its_lease_runs_out()
    {
        await using var practice = await MailPractice.StartAsync();
        await practice.BookAsync(WednesdayTen);
        var now = practice.Clock.GetUtcNow().UtcDateTime;
        await practice.Factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseOwner, "another-instance")
            .SetProperty(m => m.LeaseUntilUtc, now.AddMinutes(5))));

        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);
        practice.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);

        // That instance died mid-way: once its lease is over, this one takes the messages.
        practice.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await practice.DispatchAsync()).Sent);
        Assert.Equal(2, practice.TakeReceived().Count);
    }

    [Fact]
    public async Task after_the_last_try_a_message_is_failed_shown_to_the_therapist_and_can_be_retried()
    {
        await using var practice = await MailPractice.StartAsync(serverRunning: false, configure: s => s["Email:MaxAttempts"] = "2");
        var booked = await practice.BookAsync(WednesdayTen);
        await practice.DispatchAsync();
        practice.Clock.Advance(TimeSpan.FromMinutes(1));
        var report = await practice.DispatchAsync();
        Assert.Equal(2, report.Failed);
        Assert.All(await practice.OutboxAsync(), m => Assert.Equal((OutboxStatus.Failed, 2), (m.Status, m.Attempts)));

        // Later passes leave failed messages alone.
        practice.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);

        using var anonymous = practice.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var paul = await practice.Factory.TherapistAsync();
        Assert.Contains("2 e-mails could not be sent", await paul.GetStringAsync("/admin"), StringComparison.Ordinal);
        var page = await paul.GetStringAsync("/admin/outbox");
        Assert.Contains($"Request received: Deep tissue massage on Wed 3 Mar 10:00 ({booked.Reference})", page, StringComparison.Ordinal);
        Assert.Contains(MailPractice.ClientEmail, page, StringComparison.Ordinal);
        Assert.Contains("Could not reach the mail server", page, StringComparison.Ordinal);

        await practice.Smtp.StartAsync();
        var clientMessage = (await practice.OutboxAsync()).Single(m => m.Kind == NotificationKind.RequestReceived);
        var retried = await FormPost.PostAsync(paul, "/admin/outbox", $"/admin/outbox/{clientMessage.Id}/retry", []);
        Assert.Contains("back in the queue", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await practice.DispatchAsync()).Sent);
        Assert.Equal([MailPractice.ClientEmail], Assert.Single(practice.TakeReceived()).EnvelopeTo);

        var all = await FormPost.PostAsync(paul, "/admin/outbox", "/admin/outbox/retry-failed", []);
        Assert.Contains("1 e-mail is back in the queue.", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await practice.DispatchAsync()).Sent);
        Assert.DoesNotContain("could not be sent", await paul.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task in_pickup_mode_each_message_is_written_once_as_an_eml_file()
    {
        using var factory = new PracticeAppFactory();
        factory.Settings["Email:DispatcherEnabled"] = "false";
        var booked = await BookThroughServiceAsync(factory);

        await using (var scope = factory.Scope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            Assert.Equal(2, (await dispatcher.ProcessDueAsync()).Sent);
            Assert.Equal(0, (await dispatcher.ProcessDueAsync()).Claimed);
        }

        var files = Directory.GetFiles(factory.MailFolder, "*.eml");
        Assert.Equal(2, files.Length);
        var subjects = files.Select(f => MimeMessage.Load(f).Subject).Order().ToList();
        Assert.StartsWith($"New request {booked}", subjects[0], StringComparison.Ordinal);
        Assert.StartsWith("Request received", subjects[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_background_sender_delivers_new_messages_by_itself()
    {
        using var factory = new PracticeAppFactory();
        await BookThroughServiceAsync(factory);

        // The sender is woken by the save; allow it generous time on a busy machine.
        int EmlFiles() => Directory.Exists(factory.MailFolder) ? Directory.GetFiles(factory.MailFolder, "*.eml").Length : 0;
        for (var i = 0; i < 300 && EmlFiles() < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, EmlFiles());
    }

    private static async Task<string> BookThroughServiceAsync(PracticeAppFactory factory)
    {
        await using var scope = factory.Scope();
        var booking = scope.ServiceProvider.GetRequiredService<PaulMassage.Web.Features.Booking.BookingService>();
        Assert.True(PaulMassage.Web.Features.Scheduling.UkPostcode.TryParse("E14 5AB", out var postcode));
        var outcome = await booking.RequestVisitAsync(new PaulMassage.Web.Features.Booking.BookingRequest(
            "swedish-massage", 60, WednesdayTen, postcode!, "Cara Client", "cara@example.com", "07700 900789", "2 Test Road", null, "London", null,
            new PaulMassage.Web.Features.Booking.IntakeDetails("Stiff neck", PaulMassage.Web.Features.Screening.BodyArea.Neck, 4,
                PaulMassage.Web.Features.Screening.PainDuration.UnderSixWeeks, PaulMassage.Web.Features.Screening.PainFeeling.Stiffness,
                PaulMassage.Web.Features.Screening.Contraindication.None, null, PaulMassage.Web.Features.Screening.RedFlag.None),
            new PaulMassage.Web.Features.Clients.Booker.Anonymous()));
        return Assert.IsType<PaulMassage.Web.Features.Booking.BookingOutcome.Accepted>(outcome).Reference;
    }
}
