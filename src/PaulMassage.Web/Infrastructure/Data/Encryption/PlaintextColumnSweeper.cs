using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>
/// Encrypts values that were stored before their column became encrypted (rows written by an
/// older release): run at start-up after the migrations, it re-saves such rows through the
/// encrypting converters. A database with nothing to do costs one plain SQL statement (one
/// EXISTS per table with encrypted columns), with no LINQ query to compile at start-up.
/// </summary>
public static class PlaintextColumnSweeper
{
    public static async Task<int> EncryptPlaintextRowsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && !t.IsOwned())
            .Select(t => (Entity: t, Encrypted: t.GetProperties().Where(p => p.IsEncrypted()).ToList()))
            .Where(t => t.Encrypted.Count > 0)
            .ToList();
        if (tables.Count == 0)
        {
            return 0;
        }

        var withPlaintext = await TablesWithPlaintextAsync(db, tables, cancellationToken);
        if (!withPlaintext.Any(found => found))
        {
            return 0;
        }

        // Data Protection keeps its key ring in this database. A database that has never encrypted
        // anything has no key yet, and creating it inside the sweep's save would wait on that very
        // transaction ("database is locked"): make the key first.
        db.ColumnProtector().Protect(string.Empty);
        var swept = 0;
        foreach (var (entityType, encrypted) in tables.Where((_, i) => withPlaintext[i]))
        {
            var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;
            foreach (var entity in (IEnumerable)set)
            {
                var entry = db.Entry(entity);
                foreach (var property in encrypted)
                {
                    entry.Property(property.Name).IsModified = true;
                }

                swept++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return swept;
    }

    /// <summary>For each table, whether any encrypted column holds a value without the ciphertext prefix.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Table and column names come from the model, not from input.")]
    private static async Task<bool[]> TablesWithPlaintextAsync(AppDbContext db, List<(IEntityType Entity, List<IProperty> Encrypted)> tables, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var checks = tables.Select(t =>
        {
            var table = StoreObjectIdentifier.Table(t.Entity.GetTableName()!, t.Entity.GetSchema());
            var conditions = t.Encrypted.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).Select(column =>
                $"({column} IS NOT NULL AND {column} NOT LIKE '{ColumnProtector.Prefix}%')");
            return $"CASE WHEN EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {string.Join(" OR ", conditions)}) THEN 1 ELSE 0 END";
        }).ToList();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", checks);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = new bool[checks.Count];
            if (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < found.Length; i++)
                {
                    found[i] = Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture) == 1;
                }
            }

            return found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
