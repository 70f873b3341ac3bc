using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Features.Notifications;

/// <summary>The day-before reminder: on time in London time, once, and never for a visit that is off.</summary>
public sealed class TheReminders : IAsyncLifetime
{
    private MailPractice practice = null!;

    public async Task InitializeAsync() => practice = await MailPractice.StartAsync();

    public async Task DisposeAsync() => await practice.DisposeAsync();

    [Fact]
    public async Task the_reminder_goes_the_day_before_at_nine_london_time_across_the_clocks_going_forward()
    {
        // Monday 29 March 2027, 10:00 BST; the clocks went forward at 01:00 UTC on Sunday 28 March.
        var visitStart = MailPractice.London(2027, 3, 29, 10);
        Assert.Equal(new DateTime(2027, 3, 29, 9, 0, 0, DateTimeKind.Utc), visitStart);
        var booked = await ConfirmedVisitAsync(visitStart);

        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 7, 55, 0, TimeSpan.Zero)); // 08:55 BST
        Assert.Equal(0, await practice.QueueRemindersAsync());

        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero)); // 09:00 BST
        Assert.Equal(1, await practice.QueueRemindersAsync());
        Assert.Equal(1, (await practice.DispatchAsync()).Sent);

        var mail = Assert.Single(practice.TakeReceived());
        Assert.Equal([MailPractice.ClientEmail], mail.EnvelopeTo);
        Assert.Equal("Reminder: your massage tomorrow at 10:00", mail.Message.Subject);
        Assert.Contains("Monday 29 March 2027 at 10:00", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Monday 29 March 2027 at 10:00", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/bookings/{booked.ManageToken}", mail.Message.TextBody, StringComparison.Ordinal);

        // Never twice, however often the scan runs.
        practice.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await practice.QueueRemindersAsync());
        Assert.Equal(0, (await practice.DispatchAsync()).Claimed);
        Assert.Single(await practice.OutboxAsync(), m => m.Kind == NotificationKind.Reminder);
    }

    [Fact]
    public async Task a_cancelled_visit_gets_no_reminder()
    {
        var visitStart = new DateTime(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        var booked = await ConfirmedVisitAsync(visitStart);
        await using (var scope = practice.Factory.Scope())
        {
            Assert.Equal(CancelResult.Cancelled, await scope.ServiceProvider.GetRequiredService<ClientVisitService>().CancelAsync(booked.ManageToken));
        }

        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 9, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, await practice.QueueRemindersAsync());
        Assert.DoesNotContain(await practice.OutboxAsync(), m => m.Kind == NotificationKind.Reminder);
    }

    [Fact]
    public async Task a_reminder_queued_before_the_visit_was_cancelled_is_not_sent()
    {
        var visitStart = new DateTime(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        var booked = await ConfirmedVisitAsync(visitStart);
        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 9, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await practice.QueueRemindersAsync());

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.ChangeStatus(AppointmentStatus.Cancelled, "therapist", practice.Clock.GetUtcNow().UtcDateTime);
            await n.VisitCancelledAsync(a, ChangedBy.Therapist, "I am unwell.");
        });
        var report = await practice.DispatchAsync();

        Assert.Equal((1, 1), (report.Sent, report.Skipped));
        var mail = Assert.Single(practice.TakeReceived());
        Assert.StartsWith("Cancelled:", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("I am unwell.", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Skipped, Assert.Single(await practice.OutboxAsync(), m => m.Kind == NotificationKind.Reminder).Status);
    }

    [Fact]
    public async Task a_moved_visit_gets_a_reminder_for_its_new_time()
    {
        var visitStart = new DateTime(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        var booked = await ConfirmedVisitAsync(visitStart);
        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 9, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await practice.QueueRemindersAsync());
        await practice.DispatchAsync();
        practice.TakeReceived();

        await practice.ChangeAsync(booked.Reference, async (a, n) =>
        {
            a.MoveTo(visitStart.AddDays(2).AddHours(4), 30, "therapist", practice.Clock.GetUtcNow().UtcDateTime, "Moved by the therapist");
            await n.VisitMovedAsync(a, ChangedBy.Therapist);
        });
        Assert.Equal(0, await practice.QueueRemindersAsync());

        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 11, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await practice.QueueRemindersAsync());
        await practice.DispatchAsync();

        var mails = practice.TakeReceived();
        Assert.Contains(mails, m => m.Message.Subject == "Moved: your massage is now on Friday 12 March 2027 at 14:00");
        Assert.Contains(mails, m => m.Message.Subject == "Reminder: your massage tomorrow at 14:00");
        Assert.Equal(2, (await practice.OutboxAsync()).Count(m => m.Kind == NotificationKind.Reminder));
    }

    [Fact]
    public async Task a_visit_confirmed_inside_the_reminder_window_needs_no_separate_reminder()
    {
        var visitStart = new DateTime(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc);
        var booked = await practice.BookAsync(visitStart);
        practice.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.Zero));

        await practice.ConfirmAsync(booked.Reference);

        Assert.Equal(0, await practice.QueueRemindersAsync());
        Assert.DoesNotContain(await practice.OutboxAsync(), m => m.Kind == NotificationKind.Reminder);
    }

    private async Task<BookingOutcome.Accepted> ConfirmedVisitAsync(DateTime startUtc)
    {
        var booked = await practice.BookAsync(startUtc);
        await practice.ConfirmAsync(booked.Reference);
        await practice.DispatchAsync();
        practice.TakeReceived();
        return booked;
    }
}
