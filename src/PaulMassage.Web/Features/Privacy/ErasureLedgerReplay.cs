using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// At each start, before the first request: any client or booking the <see cref="ErasureLedger"/>
/// lists as erased but the database holds intact (because a backup taken before the erasure was
/// restored) is erased again, through <see cref="PrivacyService"/>. Two small queries when there is
/// nothing to do.
/// </summary>
public sealed class ErasureLedgerReplay(AppDbContext db, ErasureLedger ledger, PrivacyService privacy, IServiceProvider services, ILogger<ErasureLedgerReplay> logger)
{
    public const string Actor = "erasure ledger";

    /// <summary>Applies the ledger again; returns how many clients and bookings it erased.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var entries = ledger.Entries();
        if (entries.Count == 0)
        {
            return 0;
        }

        var listed = entries.Select(e => (e.Kind, e.Id, e.CreatedUtc.Ticks)).ToHashSet();
        var clientIds = entries.Where(e => e.Kind == ErasedKind.Client).Select(e => e.Id).ToList();
        var bookingIds = entries.Where(e => e.Kind == ErasedKind.Booking).Select(e => e.Id).ToList();
        var clients = (await db.Clients.AsNoTracking()
                .Where(c => clientIds.Contains(c.Id) && c.ErasedUtc == null)
                .Select(c => new { c.Id, c.CreatedUtc }).ToListAsync(cancellationToken))
            .Where(c => listed.Contains((ErasedKind.Client, c.Id, c.CreatedUtc.Ticks))).Select(c => c.Id).ToList();
        var bookings = (await db.Appointments.AsNoTracking()
                .Where(a => bookingIds.Contains(a.Id) && (a.AddressLine1 != string.Empty || a.Intake != null || a.ManageTokenProtected != null))
                .Select(a => new { a.Id, a.CreatedUtc }).ToListAsync(cancellationToken))
            .Where(a => listed.Contains((ErasedKind.Booking, a.Id, a.CreatedUtc.Ticks))).Select(a => a.Id).ToList();
        if (clients.Count == 0 && bookings.Count == 0)
        {
            return 0;
        }

        // The erasures read encrypted columns: the key ring is read first, outside their transactions.
        PracticeServices.LoadKeyRing(services);
        foreach (var id in clients)
        {
            await privacy.EraseClientAsync(id, Actor, cancellationToken);
        }

        foreach (var id in bookings)
        {
            await privacy.EraseBookingAgainAsync(id, Actor, cancellationToken);
        }

        logger.LogWarning("The erasure ledger erased again {Clients} clients and {Bookings} bookings that a restored backup brought back", clients.Count, bookings.Count);
        return clients.Count + bookings.Count;
    }
}
