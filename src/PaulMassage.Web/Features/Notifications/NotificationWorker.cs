using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The background sender: every poll interval, or as soon as a request saves new messages, it
/// queues due reminders, sends due messages and tidies old sent ones. Each pass has a scope of its
/// own; the first comes <see cref="StartDelay"/> after the database is ready (<see cref="StartupGate"/>), or at the first message saved. Waiting uses real time; what is "due" follows the injected <see cref="TimeProvider"/>.
/// Off when Email:DispatcherEnabled is false (tests that drive the outbox by hand).
/// </summary>
public sealed class NotificationWorker(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    StartupGate gate,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>How long after start-up the first pass waits, unless a message is saved first.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            logger.LogInformation("The e-mail sender is switched off (Email:DispatcherEnabled)");
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollIntervalSeconds));

        // The first pass waits a few seconds after start-up, so that compiling its queries does not
        // compete with the site's first requests for the CPU; a message saved meanwhile (a booking)
        // wakes it at once, as it does later.
        if (!await gate.WaitUntilOpenAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await signal.WaitAsync(StartDelay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the loop must survive anything one pass throws (a locked database, a full disk)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "An e-mail sender pass failed; trying again in {Seconds} s", interval.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<ReminderScheduler>().QueueDueRemindersAsync(cancellationToken);
        await services.GetRequiredService<Plans.CheckIns>().QueueDueAsync(cancellationToken);
        DispatchReport report;
        do
        {
            report = await services.GetRequiredService<OutboxDispatcher>().ProcessDueAsync(cancellationToken);
        }
        while (report.Claimed >= options.Value.BatchSize && report.Sent > 0 && !cancellationToken.IsCancellationRequested);

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.SentRetentionDays);
        await services.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Skipped) && m.CreatedUtc < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        services.GetRequiredService<PickupDirectoryTransport>().DeleteExpired();
    }
}
