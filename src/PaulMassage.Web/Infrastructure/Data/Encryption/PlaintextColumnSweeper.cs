using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>
/// Encrypts values that were stored before their column became encrypted (rows written by an
/// older release): run at start-up after the migrations, it re-saves such rows through the
/// encrypting converters. A database with nothing to do costs one COUNT per encrypted column.
/// </summary>
public static class PlaintextColumnSweeper
{
    public static async Task<int> EncryptPlaintextRowsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var swept = 0;
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
        {
            var encrypted = entityType.GetProperties().Where(p => p.IsEncrypted()).ToList();
            if (encrypted.Count == 0 || !await HasPlaintextAsync(db, entityType, encrypted, cancellationToken))
            {
                continue;
            }

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

    private static async Task<bool> HasPlaintextAsync(AppDbContext db, IEntityType entityType, List<IProperty> encrypted, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var conditions = encrypted.Select(p => p.GetColumnName(table)).Select(column =>
            $"(\"{column}\" IS NOT NULL AND \"{column}\" NOT LIKE '{ColumnProtector.Prefix}%')");
        var schema = entityType.GetSchema() is { } s ? $"\"{s}\"." : string.Empty;
#pragma warning disable EF1002 // table and column names come from the model, not from input
        var count = await db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {schema}\"{entityType.GetTableName()}\" WHERE {string.Join(" OR ", conditions)}")
            .SingleAsync(cancellationToken);
#pragma warning restore EF1002
        return count > 0;
    }
}
