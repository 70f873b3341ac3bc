using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PaulMassage.Web.Features.Backups;

/// <summary>
/// Copies of a SQLite database through SQLite's online backup API, and the check a copy must pass
/// before it counts as good or may be restored. Connections here are not pooled, so the files are
/// let go as soon as a step is done.
/// </summary>
public static class SqliteCopies
{
    public const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>
    /// A consistent copy of <paramref name="sourcePath"/>, taken while the site runs (in WAL mode the
    /// copy reads one snapshot and writers carry on). The copy is turned into one self-contained file
    /// (rollback journal, no -wal beside it) readable by its owner only.
    /// </summary>
    public static void Copy(string sourcePath, string destinationPath)
    {
        using (var source = Open(sourcePath, SqliteOpenMode.ReadWrite))
        using (var destination = Open(destinationPath, SqliteOpenMode.ReadWriteCreate))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
            using var command = destination.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        OwnerOnly(destinationPath);
    }

    /// <summary>Writes <paramref name="copyPath"/> into the database at <paramref name="databasePath"/>, page by page, through SQLite.</summary>
    public static void Replace(string copyPath, string databasePath)
    {
        using var source = Open(copyPath, SqliteOpenMode.ReadOnly);
        using var destination = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>Null when the copy is a sound SQLite database made by this site; otherwise what is wrong with it.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return "the file does not exist";
        }

        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            connection.Open();
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                var result = Convert.ToString(check.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(result, "ok", StringComparison.Ordinal))
                {
                    return "the integrity check failed: " + result;
                }
            }

            return AppliedMigrations(connection).Count == 0 ? "it holds no migrations table, so it is not this site's database" : null;
        }
        catch (SqliteException ex)
        {
            return "SQLite cannot read it: " + ex.Message;
        }
    }

    /// <summary>The migrations applied to the database at <paramref name="path"/> (empty when it has no migrations table).</summary>
    public static IReadOnlyList<string> AppliedMigrations(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        connection.Open();
        return AppliedMigrations(connection);
    }

    private static List<string> AppliedMigrations(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        exists.Parameters.AddWithValue("$name", MigrationsTable);
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId;";
        using var reader = read.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Backups hold every client record: on Unix only the site's own user may read them.</summary>
    public static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());
}
