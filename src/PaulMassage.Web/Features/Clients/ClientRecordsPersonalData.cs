using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Clients;

/// <summary>
/// The therapist's treatment notes and the client's courses of treatment in the client's data
/// export (a client has the right to read what is recorded about them) and in erasure. Courses
/// span visits, so they belong to the whole record, never to one booking's scope.
/// </summary>
public sealed class ClientRecordsPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "treatmentRecords";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var appointmentIds = scope.AppointmentIds;
        var notes = await db.TreatmentNotes.AsNoTracking()
            .Where(n => appointmentIds.Contains(n.AppointmentId))
            .OrderBy(n => n.AppointmentId)
            .Select(n => new
            {
                reference = n.Appointment!.Reference,
                subjective = n.Subjective,
                objective = n.Objective,
                assessment = n.Assessment,
                plan = n.Plan,
                painScore = n.PainScore,
                writtenUtc = n.CreatedUtc,
                updatedUtc = n.UpdatedUtc,
            })
            .ToListAsync(cancellationToken);
        if (!scope.WholeRecord)
        {
            return new { treatmentNotes = notes };
        }

        var clientIds = scope.ClientIds;
        var courses = await db.Courses.AsNoTracking()
            .Where(c => clientIds.Contains(c.ClientId))
            .OrderBy(c => c.StartDate)
            .Select(c => new
            {
                treatment = c.Service!.Name,
                sessions = c.Sessions,
                sessionMinutes = c.SessionMinutes,
                intervalDays = c.IntervalDays,
                goal = c.Goal,
                startDate = c.StartDate,
            })
            .ToListAsync(cancellationToken);
        return new { treatmentNotes = notes, coursesOfTreatment = courses };
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        db.TreatmentNotes.RemoveRange(await db.TreatmentNotes.Where(n => scope.AppointmentIds.Contains(n.AppointmentId)).ToListAsync(cancellationToken));
        if (scope.WholeRecord)
        {
            var clientIds = scope.ClientIds;
            db.Courses.RemoveRange(await db.Courses.Where(c => clientIds.Contains(c.ClientId)).ToListAsync(cancellationToken));
        }
    }
}
