using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// The retention rule: a client with no visit (and no new record) for <see cref="PrivacyOptions.RetentionYears"/>
/// years is anonymised like an erasure, leaving only anonymous appointment history.
/// </summary>
public sealed class RetentionService(AppDbContext db, PrivacyService privacy, PracticeClock clock, IOptions<PrivacyOptions> options, ILogger<RetentionService> logger)
{
    public DateTime CutoffUtc => clock.UtcNow.AddYears(-Math.Max(1, options.Value.RetentionYears));

    /// <summary>Anonymises every client past the retention period; returns how many.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = CutoffUtc;
        var due = await db.Clients
            .Where(c => c.ErasedUtc == null && c.CreatedUtc < cutoff && !c.Appointments.Any(a => a.EndUtc >= cutoff))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var clientId in due)
        {
            await privacy.EraseClientAsync(clientId, "retention", cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Retention: {Count} client records past {Years} years anonymised", due.Count, options.Value.RetentionYears);
        }

        return due.Count;
    }
}

/// <summary>
/// The daily housekeeping: applies the retention rule shortly after start-up and then once per
/// interval, and with it deletes the travel turns of days gone (<see cref="Booking.TravelTurnPruning"/>).
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, StartupGate gate, TimeProvider time, IOptions<PrivacyOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>How long after start-up the first run waits.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RetentionWorkerEnabled)
        {
            return;
        }

        // The first run waits a few seconds after start-up (real time), so that its queries are not
        // compiled while the site answers its first requests; then once per interval.
        if (!await gate.WaitUntilOpenAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await Task.Delay(StartDelay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionCheckInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionService>().ApplyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention run failed; it will be tried again at the next interval");
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Booking.TravelTurnPruning>().PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Pruning past travel turns failed; it will be tried again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
