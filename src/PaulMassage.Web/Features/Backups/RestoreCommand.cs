using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Backups;

/// <summary>
/// <c>dotnet PaulMassage.Web.dll restore FILE</c>: checks a backup copy and writes it over the
/// site's SQLite database, with the site stopped. The next start migrates the copy if it is older
/// than the site and erases again whatever the erasure ledger lists (erasures made after the copy
/// was taken). Runs instead of the web host; reads the same settings as the site.
/// </summary>
public static class RestoreCommand
{
    public const string Verb = "restore";

    public static bool IsRestore(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], Verb, StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            output.WriteLine("Usage: dotnet PaulMassage.Web.dll restore FILE [--setting value ...]");
            output.WriteLine("Stop the site first: the copy is written over the database the settings name.");
            return 2;
        }

        // The site's own settings (appsettings, the environment, the command line), without its host.
        var builder = WebApplication.CreateBuilder(args[2..]);
        var database = BackupOptions.SqliteDatabasePath(builder.Configuration, builder.Environment.ContentRootPath);
        if (database is null)
        {
            output.WriteLine("The site runs on SQL Server: restore the server's own backups instead (see docs/backups.md).");
            return 2;
        }

        return Restore(Path.GetFullPath(args[1]), database, output);
    }

    /// <summary>Checks <paramref name="copy"/> and writes it over <paramref name="database"/>; 0 when done.</summary>
    public static int Restore(string copy, string database, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Restoring " + copy);
        output.WriteLine("into " + database);
        output.WriteLine("The site must be stopped while this runs (e.g. systemctl stop paulmassage).");
        var problem = SqliteCopies.Problem(copy);
        if (problem is not null)
        {
            output.WriteLine("Not restored: " + problem + ".");
            return 1;
        }

        var unknown = SqliteCopies.AppliedMigrations(copy).Except(KnownMigrations()).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"Not restored: the copy was made by a newer version of the site (migration {unknown[0]}); restore it with that version.");
            return 1;
        }

        try
        {
            SqliteCopies.Replace(copy, database);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            output.WriteLine("Not restored: SQLite could not write the database (" + ex.Message + "). Is the site still running?");
            return 1;
        }

        output.WriteLine("Restored. Start the site: it upgrades the database if the copy is older, then erases again every client");
        output.WriteLine("and booking the erasure ledger lists (erasures made after the copy was taken).");
        return 0;
    }

    /// <summary>The SQLite migrations this version of the site knows.</summary>
    private static IEnumerable<string> KnownMigrations()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Database.GetMigrations()];
    }
}
