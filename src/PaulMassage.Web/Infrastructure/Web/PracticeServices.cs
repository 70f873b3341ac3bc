using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Backups;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Settings;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Logging;
using PaulMassage.Web.Infrastructure.Security;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Infrastructure.Web;

public static class PracticeServices
{
    public static IServiceCollection AddPracticeServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<PracticeOptions>(configuration.GetSection(PracticeOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));

        // Time is a dependency: tests swap the TimeProvider; the zone is the practice's.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StartupGate>();

        // Registered before anything adds Data Protection: hosted services start in this order.
        services.AddSingleton<DatabaseSchema>();
        services.AddHostedService<WaitForMigratedSchema>();
        services.AddSingleton(sp => new PracticeClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(configuration["Practice:TimeZone"] ?? PracticeClock.DefaultTimeZoneId)));

        services.AddPracticeDatabase(configuration, environment);
        services.AddIdentity<AppUser, IdentityRole>(options => options.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        // Deny by default, the therapist policy, passwords, sessions, rate limits, keys: see docs/security.md.
        services.AddPracticeSecurity(configuration, environment);
        services.AddPrivacy(configuration);
        services.AddBackups(configuration, environment);

        // Feature services: plain classes over the DbContext, one per use.
        services.AddMemoryCache();
        services.AddScoped<SchedulingSettings>();
        services.AddScoped<AvailabilityService>();
        services.AddSingleton<AvailabilityAnswers>();
        services.AddScoped<CatalogueService>();
        services.AddScoped<ArticleService>();
        services.AddScoped<PaulMassage.Web.Features.Pages.SitePages>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<BookingService>();
        services.AddScoped<TravelTurnPruning>();
        services.AddScoped<ManageLinkAccess>();
        services.AddScoped<PaulMassage.Web.Features.Privacy.IPersonalDataHandler, VisitSeriesPersonalData>();
        services.AddScoped<AddressCheckService>();
        services.AddBackOffice();
        services.AddScoped<SeedData>();
        services.AddScoped<DevelopmentSampleData>();
        services.AddScoped<PageMeta>();
        services.AddScoped<BusinessJsonLd>();
        services.AddPublicContentCaching();
        services.AddNotifications(configuration);
        services.AddSettings();
        services.AddClientRecords();
        services.AddClientAccounts();
        services.AddClientVisits();
        services.AddPayments();
        services.AddReviews();
        services.AddPlans(configuration);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services
            .AddControllersWithViews(options =>
            {
                options.Conventions.Add(new FeatureConvention());
                options.Conventions.Add(new HeadAsGetConvention());
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // A value that does not bind can only come from a changed form: say so plainly.
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Please choose one of the answers offered for \"{field}\".");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Please choose only from the answers offered.");
                messages.SetValueIsInvalidAccessor(_ => "Please choose only from the answers offered.");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "Please enter a number.");
                messages.SetValueMustBeANumberAccessor(field => $"Please enter a number for \"{field}\".");
                messages.SetValueMustNotBeNullAccessor(_ => "Please answer this question.");
                options.ModelMetadataDetailsProviders.Add(new NumberBoxMessages());
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()))
            // Forms are checked on the server only (no validation script is served), so the tag helpers'
            // data-val-* attributes would be dead weight: 2.6 KB of the uncompressed booking form.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false);

        // No LowercaseUrls: every route template is written in lower case already, and the option
        // would also lower-case route values such as the case-sensitive manage-link token.
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var britishEnglish = new CultureInfo("en-GB");
            options.DefaultRequestCulture = new RequestCulture(britishEnglish);
            options.SupportedCultures = [britishEnglish];
            options.SupportedUICultures = [britishEnglish];
            options.RequestCultureProviders.Clear();
        });

        return services;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseSchema>());
        await scope.ServiceProvider.GetRequiredService<ErasureLedgerReplay>().ApplyAsync();

        // Keys written in the clear by a version without a key-encryption certificate are encrypted
        // with it before anything reads the key ring (one query when there are none).
        await KeyEncryption.ProtectClearKeysAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor);

        // Every start but the first finds the seed complete with one SQL query and skips it.
        var seedOptions = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        var seedComplete = await SeedData.IsCompleteAsync(db, seedOptions);
        if (seedComplete && !app.Environment.IsDevelopment())
        {
            // A restart writes nothing here, so the key ring (read with the process's first EF Core
            // query, a third of a second of compiling) loads beside the first requests, not before them.
            // A request that saves encrypted data is a form post, whose antiforgery check reads the key
            // ring (and makes a key if one is due) before the action opens any write transaction.
            _ = Task.Run(() => WarmKeyRing(app.Services));
            return;
        }

        // Data Protection makes its first key lazily and saves it through a DbContext of its own. Made
        // inside a seeding save that encrypts health data, that second writer would find SQLite locked.
        LoadKeyRing(scope.ServiceProvider);
        if (!seedComplete)
        {
            await scope.ServiceProvider.GetRequiredService<SeedData>().RunAsync();
        }

        if (app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSampleData>().RunAsync();
        }
    }

    /// <summary>Reads the Data Protection key ring, making the first key if there is none.</summary>
    public static void LoadKeyRing(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PaulMassage.KeyRing").Protect("ready");
    }

    private static void WarmKeyRing(IServiceProvider services)
    {
        try
        {
            LoadKeyRing(services);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a warm-up: a request that needs the keys reads them again and reports any failure.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PracticeServices)).LogWarning(ex, "The Data Protection key ring could not be loaded at start-up");
        }
    }

    public static WebApplication UsePracticePipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePracticeSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePracticeRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMalformedFormRejection();

        // Requests wait here until the database is ready: the middleware above needs none, so a
        // request that comes early gets routed meanwhile; the cookies' key ring lives in the database.
        app.UseStartupGate();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication, so a signed-in visitor is never served a cached page; before
        // compression, so the cache keeps the compressed bytes and a hit costs no compression.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.MapHealthChecks("/health").AllowAnonymous();

        // Fingerprinted, pre-compressed files from the build's static assets manifest; the tag
        // helpers' asp-append-version links to the fingerprinted names, served as immutable.
        app.MapStaticAssets().AllowAnonymous(); // wwwroot is public, as UseStaticFiles served it before
        app.MapControllers().WithStaticAssets();
        app.MapBenchmarkEndpoints();

        // An address the site does not have is "not found" for everyone; without this endpoint the
        // deny-by-default policy would send an anonymous visitor to sign in instead.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
