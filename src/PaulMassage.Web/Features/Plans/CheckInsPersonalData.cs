using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Plans;

/// <summary>The client's check-ins (scores, what changed, red flags) in their data export and in erasure, by the visit each came before.</summary>
public sealed class CheckInsPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "checkIns";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await InScope(db.CheckIns.AsNoTracking(), scope).Include(c => c.Appointment).ToListAsync(cancellationToken);
        return rows.OrderBy(c => c.SentUtc).Select(c => new
        {
            beforeVisit = c.Appointment!.Reference,
            sentUtc = c.SentUtc,
            answeredUtc = c.AnsweredUtc,
            painScore = c.PainScore,
            changes = c.Changes,
            redFlags = c.RedFlags.ToString(),
        }).ToList();
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        db.CheckIns.RemoveRange(await InScope(db.CheckIns, scope).ToListAsync(cancellationToken));
    }

    private static IQueryable<CheckIn> InScope(IQueryable<CheckIn> checkIns, PersonalDataScope scope)
    {
        var ids = scope.AppointmentIds;
        var clientIds = scope.ClientIds;
        return scope.WholeRecord
            ? checkIns.Where(c => clientIds.Contains(c.ClientId) || ids.Contains(c.AppointmentId))
            : checkIns.Where(c => ids.Contains(c.AppointmentId));
    }
}
