using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Plans;

/// <summary>A self-help item on the plan form, with its row of the form.</summary>
public sealed record SelfHelpChoice(int Id, string Title, SelfHelpKind Kind, string Summary, bool IsActive);

/// <summary>The plan form for one visit, on Paul's phone.</summary>
public sealed class PlanEditPage
{
    public required int AppointmentId { get; init; }

    public required int ClientId { get; init; }

    public required string ClientName { get; init; }

    public required string Reference { get; init; }

    public required string ServiceName { get; init; }

    public required DateTimeOffset LocalStart { get; init; }

    /// <summary>This visit already has its version: saving corrects it.</summary>
    public required bool Exists { get; init; }

    /// <summary>The number this version has, or gets, in the client's history (1 for the first plan).</summary>
    public required int VersionNumber { get; init; }

    /// <summary>Where the form started from, in words ("the intake's recommendation", "the plan of 3 March").</summary>
    public required string StartedFrom { get; init; }

    public required CourseView? Course { get; init; }

    public required IReadOnlyList<TreatmentOption> Treatments { get; init; }

    /// <summary>The offered items, in the order of <see cref="PlanForm.SelfHelp"/>.</summary>
    public required IReadOnlyList<SelfHelpChoice> Items { get; init; }

    public required PlanForm Form { get; init; }
}

/// <summary>A treatment in a plan as the client reads it.</summary>
public sealed record PlanTechniqueView(string Name, string Slug, bool UsedToday, bool Planned, string Reason);

/// <summary>One version of a client's plan, as they and Paul read it.</summary>
public sealed record PlanView(
    int Id,
    int ClientId,
    int AppointmentId,
    int VersionNumber,
    string Reference,
    DateTimeOffset VisitLocal,
    string VisitServiceName,
    DateTimeOffset UpdatedLocal,
    IReadOnlyList<PlanTechniqueView> Techniques,
    IReadOnlyList<SelfHelpCard> SelfHelp)
{
    public IEnumerable<PlanTechniqueView> UsedAtTheVisit => Techniques.Where(t => t.UsedToday);

    public IEnumerable<PlanTechniqueView> PlannedNext => Techniques.Where(t => t.Planned);
}

public enum PlanSaveOutcome
{
    Saved,
    NotFound,
    NotYet,
    Invalid,
}

/// <summary>
/// Makes and reads clients' plans: the form for a visit (started from the visit's own version, the
/// client's latest, or the intake's recommendation), saving a version, and the versions a client or
/// a booking's link may read.
/// </summary>
public sealed class CarePlans(AppDbContext db, CourseService courses, PracticeClock clock, ILogger<CarePlans> logger)
{
    /// <summary>The plan form for a visit; null when there is no such visit. <paramref name="typed"/>: the form again, as posted.</summary>
    public async Task<PlanEditPage?> EditPageAsync(int appointmentId, PlanForm? typed = null, CancellationToken cancellationToken = default)
    {
        var visit = await db.Appointments.AsNoTracking()
            .Where(a => a.Id == appointmentId)
            .Select(a => new { a.Id, a.ClientId, ClientName = a.Client!.Name, a.Reference, a.ServiceId, ServiceName = a.Service!.Name, a.StartUtc, Feelings = a.Intake == null ? (PainFeeling?)null : a.Intake.Feelings })
            .SingleOrDefaultAsync(cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var treatments = await TreatmentsAsync(cancellationToken);
        var versions = await VersionsAsync([visit.ClientId], cancellationToken);
        var own = versions.FirstOrDefault(v => v.AppointmentId == appointmentId);
        var previous = versions.Where(v => v.AppointmentId != appointmentId && v.VisitStartUtc <= visit.StartUtc).MaxBy(v => v.VisitStartUtc);
        var feelings = visit.Feelings ?? await LatestFeelingsAsync(visit.ClientId, visit.StartUtc, cancellationToken);
        var form = typed ?? CarePlanRules.Start(treatments, visit.ServiceId,
            feelings, own is null ? null : await ContentAsync(own.Id, cancellationToken), previous is null ? null : await ContentAsync(previous.Id, cancellationToken));

        // Every item offered (and any withdrawn one this version already has), the form's row for each.
        var chosenIds = form.SelfHelp.Where(s => s.Chosen).Select(s => s.ItemId).ToList();
        var items = await db.SelfHelpItems.AsNoTracking()
            .Where(i => i.IsActive || chosenIds.Contains(i.Id))
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new SelfHelpChoice(i.Id, i.Title, i.Kind, i.Summary, i.IsActive))
            .ToListAsync(cancellationToken);
        if (typed is null)
        {
            var rows = form.SelfHelp.DistinctBy(s => s.ItemId).ToDictionary(s => s.ItemId);
            form.SelfHelp = items.Select(i => rows.GetValueOrDefault(i.Id) ?? new SelfHelpField { ItemId = i.Id }).ToList();
        }
        else
        {
            // Posted rows keep their order; an item that is no longer offered keeps the row it was posted in.
            var itemById = items.ToDictionary(i => i.Id);
            items = form.SelfHelp.Select(s => itemById.GetValueOrDefault(s.ItemId) ?? new SelfHelpChoice(s.ItemId, "An item no longer offered", SelfHelpKind.Advice, string.Empty, false)).ToList();
        }

        var earlier = versions.Count(v => v.AppointmentId != appointmentId && v.VisitStartUtc <= visit.StartUtc);
        return new PlanEditPage
        {
            AppointmentId = visit.Id,
            ClientId = visit.ClientId,
            ClientName = visit.ClientName,
            Reference = visit.Reference,
            ServiceName = visit.ServiceName,
            LocalStart = clock.ToLocal(visit.StartUtc),
            Exists = own is not null,
            VersionNumber = earlier + 1,
            StartedFrom = own is not null ? "this visit's plan as you gave it"
                : previous is not null ? $"the plan of {clock.ToLocal(previous.VisitStartUtc):d MMMM yyyy}"
                : feelings is not null ? "the recommendation from the client's intake answers"
                : "the treatment booked (no intake answers to go on)",
            Course = (await courses.ForClientAsync(visit.ClientId, cancellationToken)).FirstOrDefault(c => c.IsCurrent),
            Treatments = treatments,
            Items = items,
            Form = form,
        };
    }

    /// <summary>
    /// Saves the plan for a visit that took place (<see cref="Appointment.TherapistMayWriteUp"/>): a
    /// new version, or this visit's version corrected. Returns the errors beside their fields when
    /// the form does not make a plan, and the visit's client (for the way back to their record).
    /// </summary>
    public async Task<(PlanSaveOutcome Outcome, IReadOnlyList<FieldError> Errors, int ClientId)> SaveAsync(int appointmentId, PlanForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var visit = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (visit is null)
        {
            return (PlanSaveOutcome.NotFound, [], 0);
        }

        var now = clock.UtcNow;
        if (!visit.TherapistMayWriteUp(now))
        {
            return (PlanSaveOutcome.NotYet, [], visit.ClientId);
        }

        var plan = await db.CarePlans.Include(p => p.Techniques).Include(p => p.Items).SingleOrDefaultAsync(p => p.AppointmentId == appointmentId, cancellationToken);
        var keptIds = plan?.Items.Select(i => i.SelfHelpItemId).ToList() ?? [];
        var treatmentIds = (await TreatmentsAsync(cancellationToken)).Select(t => t.ServiceId).ToList();
        var offered = await db.SelfHelpItems.Where(i => i.IsActive || keptIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var (content, errors) = CarePlanRules.Check(form, treatmentIds, offered);
        if (content is null)
        {
            return (PlanSaveOutcome.Invalid, errors, visit.ClientId);
        }

        if (plan is null)
        {
            db.CarePlans.Add(CarePlan.Give(visit.ClientId, visit.Id, content, now));
        }
        else
        {
            plan.Revise(content, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Plan {Change} for booking {Reference}", plan is null ? "given" : "corrected", visit.Reference);
        return (PlanSaveOutcome.Saved, [], visit.ClientId);
    }

    /// <summary>Every version of the plans of these client records, the latest first.</summary>
    public async Task<IReadOnlyList<PlanView>> ForClientsAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync(clientIds, cancellationToken);
        return await ViewsAsync(versions, versions.Select(v => v.Id).ToList(), cancellationToken);
    }

    /// <summary>The version given at this visit, or null: what the booking's own link shows, nothing of other visits.</summary>
    public async Task<PlanView?> ForVisitAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        var clientId = await db.CarePlans.Where(p => p.AppointmentId == appointmentId).Select(p => (int?)p.ClientId).SingleOrDefaultAsync(cancellationToken);
        if (clientId is null)
        {
            return null;
        }

        var versions = await VersionsAsync([clientId.Value], cancellationToken);
        var own = versions.Single(v => v.AppointmentId == appointmentId);
        return (await ViewsAsync(versions, [own.Id], cancellationToken)).Single();
    }

    private sealed record Version(int Id, int AppointmentId, DateTime VisitStartUtc);

    private async Task<List<Version>> VersionsAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken) =>
        (await db.CarePlans.AsNoTracking()
            .Where(p => clientIds.Contains(p.ClientId))
            .Select(p => new { p.Id, p.AppointmentId, p.Appointment!.StartUtc })
            .ToListAsync(cancellationToken))
        .OrderByDescending(v => v.StartUtc).ThenByDescending(v => v.Id)
        .Select(v => new Version(v.Id, v.AppointmentId, v.StartUtc))
        .ToList();

    private async Task<List<PlanView>> ViewsAsync(List<Version> versions, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var plans = await db.CarePlans.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Include(p => p.Appointment!).ThenInclude(a => a.Service)
            .Include(p => p.Techniques).ThenInclude(t => t.Service)
            .Include(p => p.Items).ThenInclude(i => i.SelfHelpItem)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // One pass over the versions (the latest first, so a version's number is counted from the end), each plan found by its id.
        var planById = plans.ToDictionary(p => p.Id);
        var views = new List<PlanView>(plans.Count);
        for (var index = 0; index < versions.Count; index++)
        {
            if (planById.TryGetValue(versions[index].Id, out var p))
            {
                views.Add(new PlanView(
                    p.Id, p.ClientId, p.AppointmentId, versions.Count - index, p.Appointment!.Reference, clock.ToLocal(p.Appointment.StartUtc),
                    p.Appointment.Service!.Name, clock.ToLocal(p.UpdatedUtc),
                    p.Techniques.OrderBy(t => t.Service!.SortOrder).Select(t => new PlanTechniqueView(t.Service!.Name, t.Service.Slug, t.UsedToday, t.Planned, t.Reason)).ToList(),
                    p.Items.OrderBy(i => i.SortOrder).Select(i => SelfHelpCard.From(i.SelfHelpItem!, i.Note)).ToList()));
            }
        }

        return views;
    }

    private async Task<PlanContent> ContentAsync(int planId, CancellationToken cancellationToken)
    {
        var p = await db.CarePlans.AsNoTracking().Include(x => x.Techniques).Include(x => x.Items).AsSplitQuery().SingleAsync(x => x.Id == planId, cancellationToken);
        return new PlanContent(
            p.Techniques.Select(t => new PlannedTechnique(t.ServiceId, t.UsedToday, t.Planned, t.Reason)).ToList(),
            p.Items.OrderBy(i => i.SortOrder).Select(i => new ChosenSelfHelp(i.SelfHelpItemId, i.Note)).ToList());
    }

    /// <summary>The client's latest intake answers up to this visit (a visit Paul booked by phone may have none of its own).</summary>
    private async Task<PainFeeling?> LatestFeelingsAsync(int clientId, DateTime beforeUtc, CancellationToken cancellationToken) =>
        (await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.StartUtc <= beforeUtc && a.Intake != null)
            .OrderByDescending(a => a.StartUtc)
            .Select(a => new { a.Intake!.Feelings })
            .FirstOrDefaultAsync(cancellationToken))?.Feelings;

    private async Task<IReadOnlyList<TreatmentOption>> TreatmentsAsync(CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new TreatmentOption(s.Id, s.Slug, s.Name, s.Summary))
            .ToListAsync(cancellationToken);
}
