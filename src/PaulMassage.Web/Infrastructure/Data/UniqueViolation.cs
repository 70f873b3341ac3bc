using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>Recognises a unique-key violation on a given table, on SQLite and on SQL Server.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private static readonly int[] SqlServerDuplicateKey = [2601, 2627];

    public static bool Involves(DbUpdateException exception, string table)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is Features.Booking.SlotClaimConflictException)
        {
            // Refused by the slot claims' guard before the insert (see SlotClaimGuard): the same answer.
            return table == nameof(AppDbContext.SlotClaims);
        }

        // The slot claims' travel turns answer for them: a turn lost is a time lost.
        return Names(exception, table) || (table == nameof(AppDbContext.SlotClaims) && Names(exception, nameof(AppDbContext.TravelTurns)));
    }

    private static bool Names(DbUpdateException exception, string table) =>
        exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains(table, StringComparison.Ordinal),
            Microsoft.Data.SqlClient.SqlException sql => SqlServerDuplicateKey.Contains(sql.Number) && sql.Message.Contains(table, StringComparison.Ordinal),
            _ => false,
        };
}
