using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Settings;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Logging;
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
        services.AddSingleton(sp => new PracticeClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(configuration["Practice:TimeZone"] ?? PracticeClock.DefaultTimeZoneId)));

        services.AddPracticeDatabase(configuration, environment);
        services.AddPracticeDataProtection(configuration, environment);
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "pm.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

        // Feature services: plain classes over the DbContext, one per use.
        services.AddMemoryCache();
        services.AddScoped<SchedulingSettings>();
        services.AddScoped<AvailabilityService>();
        services.AddScoped<CatalogueService>();
        services.AddScoped<ArticleService>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<BookingService>();
        services.AddScoped<ManageBookingService>();
        services.AddBackOffice();
        services.AddScoped<SeedData>();
        services.AddScoped<DevelopmentSampleData>();
        services.AddScoped<PageMeta>();
        services.AddNotifications(configuration);
        services.AddSettings();
        services.AddClientRecords();
        services.AddClientAccounts();
        services.AddClientVisits();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services
            .AddControllersWithViews(options =>
            {
                options.Conventions.Add(new FeatureConvention());
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // A value that does not bind can only come from a changed form: say so plainly.
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Please choose one of the answers offered for \"{field}\".");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Please choose only from the answers offered.");
                messages.SetValueIsInvalidAccessor(_ => "Please choose only from the answers offered.");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "Please enter a number.");
                messages.SetValueMustBeANumberAccessor(field => $"Please enter a number for \"{field}\".");
                messages.SetValueMustNotBeNullAccessor(_ => "Please answer this question.");
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

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
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        await scope.ServiceProvider.GetRequiredService<SeedData>().RunAsync();
        if (app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSampleData>().RunAsync();
        }
    }

    public static WebApplication UsePracticePipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePracticeRequestLogging();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
