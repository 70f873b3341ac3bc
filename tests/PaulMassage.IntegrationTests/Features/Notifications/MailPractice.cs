using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Notifications;

/// <summary>
/// The real site sending over SMTP to a real SMTP server in the test, with the background sender
/// switched off so the test drives the outbox (ProcessDueAsync) and the clock by hand.
/// </summary>
public sealed class MailPractice : IAsyncDisposable
{
    public const string ClientEmail = "ann.client@example.com";
    public const string ClientName = "Ann Client";
    public const string TherapistAddress = "paul.notices@test.example";

    /// <summary>Words typed into the intake that must never appear in an e-mail.</summary>
    public const string SecretComplaint = "Sciatica-after-lifting-KXQ";
    public const string SecretHistory = "Slipped-disc-2019-ZPW";

    private MailPractice(PracticeAppFactory factory, TestSmtpServer smtp)
    {
        Factory = factory;
        Smtp = smtp;
    }

    public PracticeAppFactory Factory { get; }

    public TestSmtpServer Smtp { get; }

    public FakeTimeProvider Clock => Factory.Clock;

    /// <summary>A practice whose mail goes to a new SMTP server (started unless <paramref name="serverRunning"/> is false).</summary>
    public static async Task<MailPractice> StartAsync(bool serverRunning = true, Action<Dictionary<string, string?>>? configure = null, TestSmtpServer? smtp = null)
    {
        smtp ??= new TestSmtpServer();
        if (serverRunning)
        {
            await smtp.StartAsync();
        }

        var factory = new PracticeAppFactory();
        factory.Settings["Email:Mode"] = "Smtp";
        factory.Settings["Email:Smtp:Host"] = "127.0.0.1";
        factory.Settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Email:Smtp:Security"] = "None";
        factory.Settings["Email:Smtp:TimeoutSeconds"] = "10";
        factory.Settings["Email:DispatcherEnabled"] = "false";
        factory.Settings["Email:TherapistAddress"] = TherapistAddress;
        configure?.Invoke(factory.Settings);
        _ = factory.Services; // build the host: migrate and seed now
        return new MailPractice(factory, smtp);
    }

    /// <summary>Local London wall time to UTC (March 2027 is GMT until the 28th, BST after).</summary>
    public static DateTime London(int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), zone);
    }

    public async Task<BookingOutcome.Accepted> BookAsync(
        DateTime startUtc,
        string email = ClientEmail,
        string name = ClientName,
        Contraindication contraindications = Contraindication.None,
        string postcode = "SE1 7PB")
    {
        await using var scope = Factory.Scope();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        Assert.True(UkPostcode.TryParse(postcode, out var parsed));
        var outcome = await booking.RequestVisitAsync(new BookingRequest(
            "deep-tissue-massage", 60, startUtc, parsed!, name, email, "07700 900456", "1 Test Street", null, "London", "Ring twice",
            new IntakeDetails(SecretComplaint, BodyArea.LowerBack, 6, PainDuration.SixToTwelveWeeks, PainFeeling.MuscleAcheOrTension,
                contraindications, SecretHistory, RedFlag.None),
            new Booker.Anonymous()));
        return Assert.IsType<BookingOutcome.Accepted>(outcome);
    }

    /// <summary>Does what the therapist's actions do: change the visit, compose its e-mails, save once.</summary>
    public async Task ChangeAsync(string reference, Func<Appointment, BookingNotifications, Task> change)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appointment = await db.Appointments.Include(a => a.Client).Include(a => a.Service).Include(a => a.SlotClaims)
            .SingleAsync(a => a.Reference == reference);
        await change(appointment, scope.ServiceProvider.GetRequiredService<BookingNotifications>());
        await db.SaveChangesAsync();
    }

    public Task ConfirmAsync(string reference) => ChangeAsync(reference, async (appointment, notifications) =>
    {
        appointment.ChangeStatus(AppointmentStatus.Confirmed, "therapist", Clock.GetUtcNow().UtcDateTime);
        await notifications.VisitConfirmedAsync(appointment);
    });

    public async Task<DispatchReport> DispatchAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ProcessDueAsync();
    }

    public async Task<int> QueueRemindersAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().QueueDueRemindersAsync();
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Takes everything the server has received so far.</summary>
    public List<ReceivedMail> TakeReceived()
    {
        var all = new List<ReceivedMail>();
        while (Smtp.Received.TryDequeue(out var mail))
        {
            all.Add(mail);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        Factory.Dispose();
    }
}
