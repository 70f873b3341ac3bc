using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.UnitTests.Infrastructure.Data;

public sealed class WaitingForTheMigratedSchema
{
    [Fact]
    public async Task lets_the_next_hosted_services_start_only_once_the_schema_is_migrated()
    {
        var schema = new DatabaseSchema();
        var starting = new WaitForMigratedSchema(schema).StartAsync(CancellationToken.None);

        await Task.Delay(50);
        Assert.False(starting.IsCompleted);

        schema.MarkReady();
        await starting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task passes_on_a_failed_migration_so_the_host_stops_instead_of_waiting()
    {
        var schema = new DatabaseSchema();
        schema.MarkFailed(new InvalidOperationException("disk full"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new WaitForMigratedSchema(schema).StartAsync(CancellationToken.None));

        Assert.Equal("disk full", failure.Message);
    }
}
