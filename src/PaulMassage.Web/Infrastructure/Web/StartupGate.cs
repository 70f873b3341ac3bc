namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// Opens when the database is migrated and seeded. The server starts listening before that, so its
/// own start-up (binding the socket, building the middleware) overlaps the database work on the
/// other core; requests and the background workers wait here until the database is ready.
/// </summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the site may use its database; faults if preparing it failed.</summary>
    public Task Opened => opened.Task;

    /// <summary>
    /// For background work: true once the gate is open; false if the site stops first or could not
    /// prepare its database (Program reports that failure once; the workers simply do not start).
    /// </summary>
    public async Task<bool> WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await opened.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Opens the gate when <paramref name="preparation"/> succeeds; passes on its failure.</summary>
    public async Task OpenAfterAsync(Task preparation)
    {
        ArgumentNullException.ThrowIfNull(preparation);
        try
        {
            await preparation;
        }
        catch (Exception ex)
        {
            opened.TrySetException(ex);
            throw;
        }

        opened.TrySetResult();
    }
}

public static class StartupGateExtensions
{
    /// <summary>Holds each request until the gate opens; once open, it costs one completed-task check.</summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = app.ApplicationServices.GetRequiredService<StartupGate>();
        return app.Use(async (context, next) =>
        {
            if (!gate.Opened.IsCompletedSuccessfully)
            {
                await gate.Opened.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
