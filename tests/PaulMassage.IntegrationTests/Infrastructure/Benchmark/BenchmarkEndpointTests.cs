using System.Net;
using Microsoft.AspNetCore.Hosting;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.IntegrationTests.Infrastructure.Benchmark;

public sealed class TheBareBenchmarkEndpoint(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    [Fact]
    public async Task does_not_exist_outside_the_benchmark_environment()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync(BenchmarkEndpoints.BarePath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task answers_its_fixed_text_in_the_benchmark_environment()
    {
        using var factory = new BenchmarkAppFactory();
        using var client = factory.CreateClient();

        var text = await client.GetStringAsync(BenchmarkEndpoints.BarePath);

        Assert.Equal(BenchmarkEndpoints.BareText, text);
    }

    private sealed class BenchmarkAppFactory : PracticeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(BenchmarkEndpoints.EnvironmentName);
        }
    }
}
