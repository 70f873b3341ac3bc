using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PaulMassage.DataGenerator;

/// <summary>
/// Inserts many rows with one prepared INSERT per table, inside the caller's transaction. The
/// table, the columns and how each value is written (UTC converter, enums as numbers, Guids as
/// text...) all come from the EF Core model, so rows land exactly as SaveChanges would write them,
/// only without change tracking and one round trip per row batch.
/// </summary>
internal sealed class BulkInserter(DbContext db)
{
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Table and column names come from the EF model; every value is a parameter.")]
    public int Insert<T>(IEnumerable<T> rows)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var properties = entityType.GetProperties().ToArray();
        var shadow = properties.FirstOrDefault(p => p.IsShadowProperty());
        if (shadow is not null)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; the generator cannot fill it.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(storeObject)!));
        var names = properties.Select((_, i) => "@p" + i).ToArray();

        var connection = db.Database.GetDbConnection();
        using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})";

        var writers = properties.Select(p => (Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter(), p.IsNullable)).ToArray();
        var count = 0;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < writers.Length; i++)
            {
                var (mapping, getter, nullable) = writers[i];
                command.Parameters.Add(mapping.CreateParameter(command, names[i], getter.GetClrValue(row), nullable));
            }

            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }
}
