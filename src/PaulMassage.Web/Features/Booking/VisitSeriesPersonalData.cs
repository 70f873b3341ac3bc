using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The client's series of visits booked together, in their data export (which visits, and when the
/// series was booked) and in erasure: erasing the whole record makes every series link stop working,
/// as the visits' own links do. A series spans visits, so it belongs to the whole record only.
/// </summary>
public sealed class VisitSeriesPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "visitSeries";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.WholeRecord)
        {
            return null;
        }

        var clientIds = scope.ClientIds;
        return await db.VisitSeries.AsNoTracking()
            .Where(s => clientIds.Contains(s.ClientId))
            .OrderBy(s => s.Id)
            .Select(s => new { bookedUtc = s.CreatedUtc, visits = s.Visits.OrderBy(v => v.StartUtc).Select(v => v.Reference).ToList() })
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.WholeRecord)
        {
            return;
        }

        var clientIds = scope.ClientIds;
        foreach (var series in await db.VisitSeries.Where(s => clientIds.Contains(s.ClientId)).ToListAsync(cancellationToken))
        {
            series.RevokeManageToken();
        }
    }
}
