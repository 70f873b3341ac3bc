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
}

/// <summary>One factory shared by a test class.</summary>
public sealed class PracticeAppFactoryFixture : IDisposable
{
    public PracticeAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
