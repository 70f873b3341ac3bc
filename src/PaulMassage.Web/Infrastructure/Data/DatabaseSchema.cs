namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>
/// Completes once the database's schema is at the latest migration, at start-up. Anything that reads
/// the database before the rest of the preparation (seed, erasure ledger, <see cref="Web.StartupGate"/>)
/// waits for this: today the Data Protection key ring, which the framework's own hosted service reads
/// as the host starts (<see cref="WaitForMigratedSchema"/>). On a first start its table does not exist
/// until the migrations have run.
/// </summary>
public sealed class DatabaseSchema
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the schema is current; faults if migrating failed.</summary>
    public Task Ready => ready.Task;

    public void MarkReady() => ready.TrySetResult();

    public void MarkFailed(Exception exception) => ready.TrySetException(exception);
}

/// <summary>
/// The first hosted service: the host starts the others (Data Protection's, which reads the key ring;
/// the server's, last) in registration order once this one has waited, without blocking a thread,
/// for the migrated schema.
/// </summary>
public sealed class WaitForMigratedSchema(DatabaseSchema schema) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schema.Ready.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
