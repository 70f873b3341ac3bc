using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

public sealed record RequestRow(
    int Id,
    string Reference,
    string ClientName,
    string ServiceName,
    int DurationMinutes,
    DateTimeOffset LocalStart,
    string Postcode,
    AppointmentStatus Status,
    bool NeedsReview,
    IReadOnlyList<string> PainAreas,
    int? PainIntensity,
    IReadOnlyList<string> ReviewReasons);

/// <summary>Visits waiting for the therapist's answer, flagged ones first.</summary>
public sealed class RequestsQuery(AppDbContext db, PracticeClock clock)
{
    public async Task<IReadOnlyList<RequestRow>> OpenRequestsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.AlternativeProposed)
            .OrderByDescending(a => a.NeedsReview).ThenBy(a => a.StartUtc)
            .Select(a => new
            {
                a.Id, a.Reference, ClientName = a.Client!.Name, ServiceName = a.Service!.Name, a.DurationMinutes, a.StartUtc,
                a.Postcode, a.Status, a.NeedsReview,
                Areas = a.Intake == null ? BodyArea.None : a.Intake.PainAreas,
                Intensity = a.Intake == null ? (int?)null : a.Intake.PainIntensity,
                Contra = a.Intake == null ? Contraindication.None : a.Intake.Contraindications,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RequestRow(
            r.Id, r.Reference, r.ClientName, r.ServiceName, r.DurationMinutes, clock.ToLocal(r.StartUtc), r.Postcode, r.Status, r.NeedsReview,
            IntakeLabels.Describe(r.Areas, IntakeLabels.Areas).ToList(),
            r.Intensity,
            IntakeLabels.Describe(r.Contra, IntakeLabels.Contraindications).ToList())).ToList();
    }
}
