using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Infrastructure.Data;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Postcode districts served until the therapist edits the list.</summary>
    public string ServedDistricts { get; set; } = "SW1A, SW1V, SW1W, SW3, SW7, SE1, SE11, SE16, E1, E14, EC1, EC2, EC4, WC1, WC2, W1, W2, N1, NW1";

    /// <summary>Paul's home base until he edits it (Settings, travel); with the zones below, travel is by zone.</summary>
    public string HomeDistrict { get; set; } = TravelTimes.Defaults.HomeDistrict;

    /// <summary>Travel zones until the therapist edits them; empty: the flat buffer between all visits.</summary>
    public string TravelZones { get; set; } = TravelTimes.Defaults.Zones;

    /// <summary>Minutes between the zones above, one row a line.</summary>
    public string TravelMinutes { get; set; } = TravelTimes.Defaults.Minutes;

    /// <summary>The therapist account to create, if any (Development sets it; production creates it by hand).</summary>
    public string? TherapistEmail { get; set; }

    public string? TherapistPassword { get; set; }
}

/// <summary>
/// First-run data: the services, articles, self-help library and pages from the Markdown files in Content/, the default
/// settings and working hours, the roles, and the therapist account when configuration names one.
/// Each part is added only where it is missing, so restarts never overwrite the therapist's edits.
/// </summary>
public sealed class SeedData(
    AppDbContext db,
    IWebHostEnvironment environment,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SeedOptions> options,
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    ILogger<SeedData> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await SeedSettingsAsync(cancellationToken);
        await SeedServicesAsync(cancellationToken);
        await SeedArticlesAsync(cancellationToken);
        await SeedSelfHelpAsync(cancellationToken);
        await SeedPagesAsync(cancellationToken);
        await SeedIdentityAsync();
    }

    /// <summary>
    /// Whether every part of the seed is already there, answered by one plain SQL query. A restart
    /// (every start but the first) then skips the seeding, which otherwise compiles and runs a
    /// handful of LINQ queries and builds Identity's managers: most of the time to the first
    /// answered request (see docs/performance.md).
    /// </summary>
    public static async Task<bool> IsCompleteAsync(AppDbContext db, SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var sql = db.GetService<ISqlGenerationHelper>();
        string Table<T>() => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
        string Column<T>(string property)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            return sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        }

        string Exists(string from) => $"CASE WHEN EXISTS (SELECT 1 FROM {from}) THEN 1 ELSE 0 END";
        var therapist = options.TherapistEmail; // as SeedIdentityAsync looks it up
        var checks = new List<string>
        {
            Exists(Table<PracticeSettings>()),
            Exists(Table<WorkingHours>()),
            Exists(Table<Service>()),
            Exists(Table<Article>()),
            Exists(Table<SelfHelpItem>()),
            $"CASE WHEN (SELECT COUNT(*) FROM {Table<SitePage>()}) >= {SitePages.Slugs.Count} THEN 1 ELSE 0 END",
            Exists(Table<TherapistCredentials>()),
            Exists($"{Table<IdentityRole>()} WHERE {Column<IdentityRole>(nameof(IdentityRole.NormalizedName))} = @therapistRole"),
            Exists($"{Table<IdentityRole>()} WHERE {Column<IdentityRole>(nameof(IdentityRole.NormalizedName))} = @clientRole"),
        };
        if (!string.IsNullOrWhiteSpace(therapist) && !string.IsNullOrWhiteSpace(options.TherapistPassword))
        {
            checks.Add(Exists($"{Table<AppUser>()} WHERE {Column<AppUser>(nameof(AppUser.NormalizedEmail))} = @therapistEmail"));
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", checks);
            AddParameter(command, "@therapistRole", Roles.Therapist.ToUpperInvariant());
            AddParameter(command, "@clientRole", Roles.Client.ToUpperInvariant());
            AddParameter(command, "@therapistEmail", therapist?.ToUpperInvariant() ?? string.Empty);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            for (var i = 0; i < checks.Count; i++)
            {
                if (Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture) != 1)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        static void AddParameter(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private string ContentFolder(string name) => Path.Combine(environment.ContentRootPath, "Content", name);

    private async Task SeedSettingsAsync(CancellationToken cancellationToken)
    {
        if (!await db.PracticeSettings.AnyAsync(cancellationToken))
        {
            db.PracticeSettings.Add(new PracticeSettings
            {
                ServedDistricts = ServiceArea.Parse(options.Value.ServedDistricts).Format(),
                HomeDistrict = UkPostcode.NormaliseDistrict(options.Value.HomeDistrict) ?? string.Empty,
                TravelZones = options.Value.TravelZones ?? string.Empty,
                TravelMinutes = options.Value.TravelMinutes ?? string.Empty,
            });
        }

        if (!await db.WorkingHours.AnyAsync(cancellationToken))
        {
            db.WorkingHours.AddRange(AvailabilityRules.Defaults.WeeklyHours.Select(p => new WorkingHours { Day = p.Day, Opens = p.Opens, Closes = p.Closes }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedServicesAsync(CancellationToken cancellationToken)
    {
        if (await db.Services.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(ContentFolder("services"), "*.md"))
        {
            var doc = FrontMatterDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var service = new Service
            {
                Slug = doc.Required("slug"),
                Name = doc.Required("name"),
                Summary = doc.Required("summary"),
                Suits = doc.Required("suits"),
                SortOrder = int.Parse(doc.Required("order"), CultureInfo.InvariantCulture),
                DescriptionMarkdown = doc.Body,
            };
            foreach (var price in doc.Required("prices").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = price.Split('=', StringSplitOptions.TrimEntries);
                service.Options.Add(new ServiceOption
                {
                    Minutes = int.Parse(parts[0], CultureInfo.InvariantCulture),
                    PriceGbp = decimal.Parse(parts[1], CultureInfo.InvariantCulture),
                });
            }

            db.Services.Add(service);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} services", await db.Services.CountAsync(cancellationToken));
    }

    private async Task SeedArticlesAsync(CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var file in Directory.EnumerateFiles(ContentFolder("articles"), "*.md"))
        {
            var doc = FrontMatterDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var published = DateTime.SpecifyKind(
                DateTime.ParseExact(doc.Required("published"), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(9),
                DateTimeKind.Utc);
            db.Articles.Add(new Article
            {
                Slug = doc.Required("slug"),
                Title = doc.Required("title"),
                Description = doc.Required("description"),
                RelatedServiceSlugs = doc.Fields.GetValueOrDefault("services") ?? string.Empty,
                Tags = ArticleTags.Join(ArticleTags.Parse(doc.Fields.GetValueOrDefault("tags"))),
                BodyMarkdown = doc.Body,
                IsPublished = true,
                PublishedUtc = published,
                UpdatedUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} articles", await db.Articles.CountAsync(cancellationToken));
    }

    /// <summary>
    /// The self-help library Paul builds plans from (Content/self-help), when it is empty: a new
    /// database, or one made before plans existed, gets it at its next start; his edits are kept.
    /// </summary>
    private async Task SeedSelfHelpAsync(CancellationToken cancellationToken)
    {
        if (await db.SelfHelpItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var file in Directory.EnumerateFiles(ContentFolder("self-help"), "*.md").Order(StringComparer.Ordinal))
        {
            var doc = FrontMatterDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            db.SelfHelpItems.Add(SelfHelpItem.Create(
                new SelfHelpContent(
                    doc.Required("title"),
                    Enum.Parse<SelfHelpKind>(doc.Required("kind")),
                    doc.Required("summary"),
                    doc.Body,
                    doc.Fields.GetValueOrDefault("often"),
                    doc.Fields.GetValueOrDefault("stop"),
                    doc.Fields.GetValueOrDefault("drawing"),
                    doc.Fields.GetValueOrDefault("article")),
                int.Parse(doc.Required("order"), CultureInfo.InvariantCulture),
                now));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} self-help items", await db.SelfHelpItems.CountAsync(cancellationToken));
    }

    /// <summary>
    /// The practice's own pages (about, FAQ, terms), each added where it is missing: a database
    /// made before the pages existed gets them at its next start, and an edited page is never replaced.
    /// </summary>
    private async Task SeedPagesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.SitePages.Select(p => p.Slug).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var slug in SitePages.Slugs.Except(existing))
        {
            var doc = FrontMatterDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ContentFolder("pages"), slug + ".md"), cancellationToken));
            db.SitePages.Add(new SitePage
            {
                Slug = doc.Required("slug"),
                Title = doc.Required("title"),
                Description = doc.Required("description"),
                BodyMarkdown = doc.Body,
                UpdatedUtc = now,
            });
        }

        if (!await db.TherapistCredentials.AnyAsync(cancellationToken))
        {
            db.TherapistCredentials.Add(new TherapistCredentials());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedIdentityAsync()
    {
        foreach (var role in new[] { Roles.Therapist, Roles.Client })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var email = options.Value.TherapistEmail;
        var password = options.Value.TherapistPassword;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var therapist = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Paul" };
        var created = await users.CreateAsync(therapist, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the therapist account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(therapist, Roles.Therapist);
        logger.LogInformation("Created the therapist account");
    }
}
