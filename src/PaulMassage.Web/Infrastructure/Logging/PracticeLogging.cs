using System.Text.RegularExpressions;
using Serilog;
using Serilog.Events;

namespace PaulMassage.Web.Infrastructure.Logging;

/// <summary>
/// Serilog set-up. Log lines carry references and ids, never names, e-mail addresses, phone
/// numbers or health answers; request paths are logged with manage-link tokens masked.
/// </summary>
public static partial class PracticeLogging
{
    /// <summary>
    /// The console logger for start-up failures. A plain logger, not Serilog's reloadable bootstrap
    /// logger: that one can be frozen only once per process, and the integration tests start several
    /// sites in one process at the same time.
    /// </summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console().CreateLogger();

    public static WebApplicationBuilder AddPracticeLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logFolder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:Folder"] ?? "logs");

        // The host gets a logger of its own and leaves the static bootstrap logger alone, so that
        // two hosts in one process (the integration tests start many) never share or freeze it.
        // The levels below are defaults; a "Serilog" configuration section read after them (for
        // example appsettings.Benchmark.json's MinimumLevel Warning) overrides them.
        builder.Services.AddSerilog(
            (services, config) => config
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // Naming the sink assemblies spares Serilog a scan of every assembly at start-up.
            .ReadFrom.Configuration(builder.Configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(
                typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly))
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(
                Path.Combine(logFolder, "paulmassage-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}"),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request with the path's secrets masked.</summary>
    public static IApplicationBuilder UsePracticeRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger (its levels and sinks), not the static bootstrap one.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {SafePath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("SafePath", MaskSecrets(http.Request.Path.Value));
        });

    /// <summary>Replaces the token of a manage link (/bookings/{token}/..., a series' /series/{token}/...), of an address check (/address-check/{token}/...), of a review's links (/review/{token}, /no-review-requests/{token}), of a check-in (/check-in/{token}) or of the iCal feed (/calendar/{token}.ics) with "***".</summary>
    public static string MaskSecrets(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : ManageLink().Replace(path, "$1***");

    [GeneratedRegex("(/bookings/|^/series/|^/address-check/|^/calendar/|^/review/|^/no-review-requests/|^/check-in/)[^/]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ManageLink();
}
