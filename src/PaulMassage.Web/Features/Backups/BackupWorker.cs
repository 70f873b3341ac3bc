using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Time;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Backups;

/// <summary>Takes the nightly copy at <see cref="BackupOptions.TimeOfDay"/>, practice time, waiting on the site's <see cref="TimeProvider"/>.</summary>
public sealed class BackupWorker(BackupService backups, StartupGate gate, TimeProvider time, PracticeClock clock, IOptions<BackupOptions> options, ILogger<BackupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!backups.Applies || !await gate.WaitUntilOpenAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = BackupSchedule.NextRunUtc(clock.UtcNow, options.Value.TimeOfDay, clock.TimeZone);
            try
            {
                var wait = next - clock.UtcNow;
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
                await backups.BackUpAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The backup run failed; it will be tried again tomorrow");
            }
        }
    }
}
