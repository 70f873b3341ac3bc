using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>A hash of every row of every table, read with a plain SQLite connection, to prove that nothing changed.</summary>
public static class DatabaseFingerprint
{
    /// <summary>Tables that change without any user's action: the Data Protection key ring and the migrations history.</summary>
    private static readonly string[] Ignored = ["DataProtectionKeys", "__EFMigrationsHistory", "sqlite_sequence"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string databasePath)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables.Except(Ignored))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            result[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        return result;
    }

    public static IEnumerable<string> ChangedTables(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t));
}
