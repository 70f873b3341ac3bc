using Microsoft.Extensions.DependencyInjection;

namespace PaulMassage.IntegrationTests.Infrastructure;

public sealed class TheSiteStarts(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    [Fact]
    public async Task and_answers_health_with_200()
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void without_reading_the_key_ring_before_the_database_is_migrated()
    {
        // The server listens while the database is prepared; Data Protection's own hosted service
        // reads the key ring, from a table a first start has not created yet, so the site's wait
        // for the migrated schema must start before it (hosted services start in this order).
        var hosted = fixture.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().Name).ToList();

        var wait = hosted.IndexOf("WaitForMigratedSchema");
        var keyRing = hosted.IndexOf("DataProtectionHostedService");
        Assert.True(wait >= 0 && keyRing > wait, string.Join(", ", hosted));
        Assert.Contains("NotificationWorker", hosted);
    }
}

/// <summary>One factory shared by a test class.</summary>
public sealed class PracticeAppFactoryFixture : IDisposable
{
    public PracticeAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
