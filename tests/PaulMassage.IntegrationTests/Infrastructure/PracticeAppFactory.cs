using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Security;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// The real site on a real SQLite file of its own, with a clock the test controls and e-mail
/// written to a folder of its own. Each factory is a fresh, migrated and seeded practice.
/// </summary>
public class PracticeAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 1 March 2027, 09:00 UTC: a fixed "now" so slots are predictable.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public const string TherapistEmail = "paul@test.example";
    public const string TherapistPassword = "test-therapist-passphrase";

    public PracticeAppFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "paulmassage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);

        // Session and antiforgery cookies are Secure-only, as in production: talk to the site over https.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>
    /// Rate limits high enough for tests that post many forms from one "address" (the booking race,
    /// the hostile-input corpus); the rate-limit tests set their own low limit through <see cref="Settings"/>.
    /// </summary>
    public const int TestRateLimit = 100_000;

    /// <summary>
    /// A request header with which a test says which address a request comes from (the test server
    /// has none, so every request is "unknown" otherwise): for the per-address rate limits and lockout.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A folder of this factory's own: database, mail and logs live here.</summary>
    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "practice.db");

    public string MailFolder => Path.Combine(Folder, "mail");

    public string BackupFolder => Path.Combine(Folder, "backups");

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>Extra configuration a test class may set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Logging:Folder", Path.Combine(Folder, "logs"));
        builder.UseSetting("Seed:TherapistEmail", TherapistEmail);
        builder.UseSetting("Seed:TherapistPassword", TherapistPassword);
        builder.UseSetting("Security:RateLimit:PermitLimit", TestRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Many tests build clients with http base addresses, where Secure-only cookies would break
        // antiforgery; the session tests (SecureCookiesFixture) switch production's setting back on.
        builder.UseSetting("Security:SecureCookies", "false");
        // Tests move the clock by days: the nightly copy is taken only where a test turns it on.
        // Copies and the erasure ledger go to the default "backups" folder beside the database.
        builder.UseSetting("Backup:Enabled", "false");
        builder.UseSetting(KeyEncryption.CertificatePathSetting, TestKeyCertificate.FilePath);
        // The test practice travels by the flat 30-minute buffer, as the tests written before zones
        // expect; the travel tests set zones (Settings, or the settings page) themselves.
        builder.UseSetting("Seed:HomeDistrict", string.Empty);
        builder.UseSetting("Seed:TravelZones", string.Empty);
        builder.UseSetting("Seed:TravelMinutes", string.Empty);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>
    /// The site answers requests only once its database is migrated and seeded (the start-up gate);
    /// tests also read and arrange the database directly, so the factory waits for that too.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<StartupGate>().Opened.GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A scope for reading or arranging the database directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned up by the OS.
            }
        }
    }
}

/// <summary>Sets the connection's remote address from <see cref="PracticeAppFactory.ClientAddressHeader"/>, before anything else runs.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(PracticeAppFactory.ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
