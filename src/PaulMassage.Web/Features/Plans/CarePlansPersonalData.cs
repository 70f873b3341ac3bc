using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// The client's plans in their data export (every version, with Paul's reasons and personal notes)
/// and in erasure. A plan version belongs to the visit it was given at: a booking's scope reaches
/// that visit's version only; the whole record reaches every version of the client.
/// </summary>
public sealed class CarePlansPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "plans";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var plans = await InScope(db.CarePlans.AsNoTracking(), scope)
            .Include(p => p.Appointment)
            .Include(p => p.Techniques).ThenInclude(t => t.Service)
            .Include(p => p.Items).ThenInclude(i => i.SelfHelpItem)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return plans.OrderBy(p => p.Appointment!.StartUtc).Select(p => new
        {
            givenAtVisit = p.Appointment!.Reference,
            createdUtc = p.CreatedUtc,
            updatedUtc = p.UpdatedUtc,
            treatments = p.Techniques.Select(t => new { treatment = t.Service!.Name, usedAtTheVisit = t.UsedToday, plannedNext = t.Planned, reason = t.Reason }).ToList(),
            selfHelp = p.Items.OrderBy(i => i.SortOrder).Select(i => new { item = i.SelfHelpItem!.Title, note = i.Note }).ToList(),
        }).ToList();
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        db.CarePlans.RemoveRange(await InScope(db.CarePlans, scope).Include(p => p.Techniques).Include(p => p.Items).ToListAsync(cancellationToken));
    }

    private static IQueryable<CarePlan> InScope(IQueryable<CarePlan> plans, PersonalDataScope scope)
    {
        var ids = scope.AppointmentIds;
        var clientIds = scope.ClientIds;
        return scope.WholeRecord
            ? plans.Where(p => clientIds.Contains(p.ClientId) || ids.Contains(p.AppointmentId))
            : plans.Where(p => ids.Contains(p.AppointmentId));
    }
}
