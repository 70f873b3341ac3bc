using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaulMassage.DataGenerator;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;
using PaulMassage.Web.Infrastructure.Web;

// Usage: PaulMassage.DataGenerator --database PATH --appointments N [--seed N] [--years N] [--replace]
// Creates the SQLite database the way the site does (migrations, then the first-run seed of
// services, articles and settings) and adds clients and appointments from a seeded Random.
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

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var rules = (await scope.ServiceProvider.GetRequiredService<SchedulingSettings>().GetAsync()).Rules;
    var clock = scope.ServiceProvider.GetRequiredService<PracticeClock>();
    var choices = await db.ServiceOptions.AsNoTracking()
        .OrderBy(o => o.ServiceId).ThenBy(o => o.Minutes)
        .Select(o => new ServiceChoice(o.ServiceId, o.Minutes, o.PriceGbp))
        .ToListAsync();
    if (choices.Count == 0)
    {
        Console.Error.WriteLine("The seed created no services; is the Content folder beside the generator?");
        return 1;
    }

    var practice = new PracticeGenerator(settings, choices, rules, clock).Generate();

    await db.Database.OpenConnectionAsync();
    await using (var transaction = await db.Database.BeginTransactionAsync())
    {
        var insert = new BulkInserter(db);
        insert.Insert(practice.Clients);
        insert.Insert(practice.Appointments);
        insert.Insert(practice.Intakes);
        insert.Insert(practice.Events);
        insert.Insert(practice.Claims);
        await transaction.CommitAsync();
    }

    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    await db.Database.CloseConnectionAsync();

    var today = clock.Today;
    var horizonEnd = clock.StartOfDayUtc(today.AddDays(56));
    var byStatus = practice.Appointments.GroupBy(a => a.Status).OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
    var holdingAhead = practice.Appointments.Count(a => BookingStateMachine.HoldsTime(a.Status) && a.StartUtc >= clock.UtcNow && a.StartUtc < horizonEnd);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{database}: {practice.Appointments.Count} appointments ({string.Join(", ", byStatus)}), {practice.Clients.Count} clients, {practice.Events.Count} status changes, {practice.Claims.Count} slot claims; {holdingAhead} visits hold time in the next 8 weeks; {watch.Elapsed.TotalSeconds:0.0} s"));
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
