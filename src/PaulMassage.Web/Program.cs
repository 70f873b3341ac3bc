using PaulMassage.Web.Features.Backups;
using PaulMassage.Web.Infrastructure.Logging;
using PaulMassage.Web.Infrastructure.Web;
using Serilog;

// "restore FILE" writes a backup copy over the database, with the site stopped, instead of running it.
if (RestoreCommand.IsRestore(args))
{
    return RestoreCommand.Run(args, Console.Out);
}

Log.Logger = PracticeLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    // MapStaticAssets serves the build's fingerprinted and pre-compressed files. A published site
    // has them in wwwroot; run from the build output (tests, the Benchmark environment before
    // publishing) they sit in obj/, which this maps, as Development does by itself. A no-op when published.
    builder.WebHost.UseStaticWebAssets();

    // Serilog: console and a rolling file, with no personal data in any line.
    builder.AddPracticeLogging();

    // Database, Identity, the features' services and MVC with feature folders.
    builder.Services.AddPracticeServices(builder.Configuration, builder.Environment);

    var app = builder.Build();

    // Migrate and seed before the first request is answered, so a fresh clone runs with no set-up.
    // That is most of the start-up (building the EF Core model), so meanwhile the middleware is
    // built and the server starts listening; requests wait at the start-up gate until it opens.
    var preparing = app.Services.GetRequiredService<StartupGate>().OpenAfterAsync(Task.Run(app.PrepareDatabaseAsync));
    app.UsePracticePipeline();
    await app.StartAsync();
    await preparing;
    await app.WaitForShutdownAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The site stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
