namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// The "Benchmark" environment that scripts/bench.sh starts the site in: no Development seeding,
/// logging at Warning, and one extra endpoint that answers a fixed string through the same
/// pipeline as every page. Its requests per second are the machine's limit that every page is
/// compared with, in the same run.
/// </summary>
public static class BenchmarkEndpoints
{
    public const string EnvironmentName = "Benchmark";

    public const string BarePath = "/bench-bare";

    public const string BareText = "Hello, World!";

    /// <summary>Maps <see cref="BarePath"/>, but only in the Benchmark environment: everywhere else it is a 404.</summary>
    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsEnvironment(EnvironmentName))
        {
            app.MapGet(BarePath, () => BareText).AllowAnonymous(); // like every public page
        }

        return app;
    }
}
