using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the default: a file under App_Data) or SqlServer.</summary>
    public string Provider { get; set; } = "Sqlite";
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider, pooled: building a context
    /// (its options, its DbSets, its internal services) was a fifth of the cost of a page that
    /// asks for one, and the contexts hold no state of their own between requests.
    /// </summary>
    public static IServiceCollection AddPracticeDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton<ScheduleVersions>();
        services.AddSingleton<ScheduleVersionInterceptor>();
        services.AddSingleton<Features.Booking.SlotClaimGuard>();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.Equals(options.Provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
            services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>((sp, o) => o.UseSqlServer(connectionString)
                .AddInterceptors(sp.GetRequiredService<Features.Booking.SlotClaimGuard>(), sp.GetRequiredService<ScheduleVersionInterceptor>())
                .ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>());
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), environment.ContentRootPath);
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString)
                .AddInterceptors(new SqliteSecureDeleteInterceptor(), sp.GetRequiredService<Features.Booking.SlotClaimGuard>(), sp.GetRequiredService<ScheduleVersionInterceptor>())
                .ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>());
        }

        return services;
    }

    /// <summary>
    /// Resolves a relative SQLite file against the content root and makes sure its folder exists,
    /// so a fresh clone needs no set-up.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/paulmassage.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations (on SQLite in WAL mode, so readers do not wait for writers and a
    /// crash never leaves a half-written transaction), then encrypts any value stored before its
    /// column was encrypted.
    /// </summary>
    /// <summary>
    /// Applies pending migrations and encrypts values an older version stored in the clear. The
    /// <paramref name="schema"/> is marked ready between the two: the sweep itself reads the key ring.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, DatabaseSchema? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await MigrateSchemaAsync(db, schema, cancellationToken);
        }
        catch (Exception ex)
        {
            schema?.MarkFailed(ex);
            throw;
        }
    }

    private static async Task MigrateSchemaAsync(AppDbContext db, DatabaseSchema? schema, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // MigrateAsync also compares the model with the last migration's snapshot, which costs a
        // noticeable part of a start; a restart with nothing to apply skips it. Values can only be
        // plaintext in an encrypted column after a release that encrypts the column, which comes with
        // a migration (scripts/add-migration.sh, even when it is empty), so the sweep (a scan of every
        // table with encrypted columns) runs only then, not at every start.
        var migrating = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        if (migrating)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        schema?.MarkReady();
        if (migrating)
        {
            await PlaintextColumnSweeper.EncryptPlaintextRowsAsync(db, cancellationToken);
        }
    }
}
