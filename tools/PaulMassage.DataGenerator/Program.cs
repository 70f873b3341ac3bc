using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaulMassage.DataGenerator;
using PaulMassage.Web.Infrastructure.Time;
using PaulMassage.Web.Infrastructure.Web;

// Usage: PaulMassage.DataGenerator --database PATH --appointments N [--seed N] [--years N] [--replace]
// Creates the SQLite database the way the site does (migrations, then the first-run seed of
// services, articles and settings) and adds clients, appointments, the payments of completed
// visits and the fees of no-shows and late cancellations from a seeded Random; writes its own
// totals to DATABASE.totals.json (PracticeDatabase).
var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: PaulMassage.DataGenerator --database PATH --appointments N [--seed N] [--years N] [--replace]");
    return 2;
}

var (database, settings, replace) = options.Value;
database = Path.GetFullPath(database);
if (File.Exists(database))
{
    if (!replace)
    {
        Console.Error.WriteLine($"{database} already exists; pass --replace to start it afresh.");
        return 1;
    }

    foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(file);
    }
}

var watch = Stopwatch.StartNew();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    EnvironmentName = BenchmarkEndpoints.EnvironmentName,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Sqlite"] = $"Data Source={database}",
    ["Database:Provider"] = "Sqlite",
});
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddPracticeServices(builder.Configuration, builder.Environment);
await using var app = builder.Build();
await app.PrepareDatabaseAsync();

// The encrypted columns need the Data Protection key ring. Made now, its first key is not written
// through a second connection while the bulk insert below holds SQLite's write lock.
PracticeServices.LoadKeyRing(app.Services);

GeneratedPractice practice;
GeneratedTotals totals;
try
{
    (practice, totals) = await PracticeDatabase.FillAsync(app.Services, settings, PracticeDatabase.TotalsPath(database));
}
catch (InvalidOperationException e) when (e.Message.StartsWith("The seed created no services", StringComparison.Ordinal))
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var clock = app.Services.GetRequiredService<PracticeClock>();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database}: {PracticeDatabase.Describe(practice, totals, clock)}; {watch.Elapsed.TotalSeconds:0.0} s"));
Console.WriteLine($"Totals (written to {PracticeDatabase.TotalsPath(database)}):");
foreach (var (year, figures) in totals.TaxYears)
{
    Console.WriteLine($"  tax year {year}: {GeneratedTotals.Describe(figures)}");
}

SqliteConnection.ClearAllPools();
return 0;

static (string Database, GeneratorSettings Settings, bool Replace)? ParseArguments(string[] args)
{
    string? database = null;
    int? appointments = null;
    var seed = 20270301;
    var years = 10;
    var replace = false;
    for (var i = 0; i < args.Length; i++)
    {
        var next = i + 1 < args.Length ? args[i + 1] : null;
        switch (args[i])
        {
            case "--database" when next is not null:
                database = next;
                i++;
                break;
            case "--appointments" when int.TryParse(next, CultureInfo.InvariantCulture, out var n) && n >= 0:
                appointments = n;
                i++;
                break;
            case "--seed" when int.TryParse(next, CultureInfo.InvariantCulture, out var s):
                seed = s;
                i++;
                break;
            case "--years" when int.TryParse(next, CultureInfo.InvariantCulture, out var y) && y > 0:
                years = y;
                i++;
                break;
            case "--replace":
                replace = true;
                break;
            default:
                return null;
        }
    }

    return database is null || appointments is null ? null : (database, new GeneratorSettings(appointments.Value, seed, years), replace);
}
