using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>
/// A few made-up clients and visits so the back office has something to show on a fresh clone.
/// Development only, and only into an empty appointment table. Every time is taken from the live
/// availability calculation, so the samples never break the practice's own rules.
/// </summary>
public sealed class DevelopmentSampleData(AppDbContext db, AvailabilityService availability, SchedulingSettings settings, ClientIdentities clients, PracticeClock clock)
{
    private static readonly (string Name, string Email, string Phone, string Street, string Postcode, Contraindication Flags, AppointmentStatus Status)[] Samples =
    [
        ("Amelia Hart", "amelia.hart@example.com", "07700 900101", "12 Tanner Street", "SE1 3LD", Contraindication.None, AppointmentStatus.Requested),
        ("Rohan Mehta", "rohan.mehta@example.com", "07700 900102", "4 Westferry Circus", "E14 4HD", Contraindication.BloodThinners, AppointmentStatus.Requested),
        ("Grace O'Neill", "grace.oneill@example.com", "07700 900103", "14 Warwick Way", "SW1V 1QT", Contraindication.None, AppointmentStatus.Confirmed),
        ("Tom Bennett", "tom.bennett@example.com", "07700 900104", "9 Amwell Street", "EC1R 1UL", Contraindication.None, AppointmentStatus.Confirmed),
    ];

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Appointments.AnyAsync(cancellationToken))
        {
            return;
        }

        var services = await db.Services.Include(s => s.Options).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var buffer = (await settings.GetAsync(cancellationToken)).Rules.Travel.ShortestMinutes;
        // One visit a day, at a different hour each day, so the week view looks like a real week.
        var slots = (await availability.FreeSlotsAsync(60, clock.Today.AddDays(1), 10, cancellationToken))
            .GroupBy(s => s.LocalStart.Date)
            .Select((day, index) => day.ElementAt(Math.Min(index * 6 + 4, day.Count() - 1)))
            .ToList();
        var now = clock.UtcNow;
        for (var i = 0; i < Samples.Length && i < slots.Count && services.Count > 0; i++)
        {
            var sample = Samples[i];
            var service = services[i % services.Count];
            var option = service.Options.OrderBy(o => o.Minutes).First();
            var client = await clients.ForBookingAsync(new Booker.Therapist(), sample.Email, sample.Name, sample.Phone, cancellationToken);
            var intake = new IntakeDetails(
                "Aching lower back after long days at a desk.", BodyArea.LowerBack | BodyArea.Shoulders, 4 + i, PainDuration.SixToTwelveWeeks,
                PainFeeling.MuscleAcheOrTension, sample.Flags, MedicalHistory: null, RedFlag.None);
            var appointment = Appointment.Request(
                new VisitPlan(service.Id, option.Minutes, option.PriceGbp, slots[i].StartUtc, sample.Street, null, "London", sample.Postcode,
                    i % 2 == 0 ? "Second floor, no lift. Buzzer 2." : "Parking bay behind the building.", intake),
                client, new VisitKeys(ManageToken.CreateReference(), ManageToken.Create(), ProtectedToken: null),
                BookingService.ClientActor, now, buffer);
            if (sample.Status == AppointmentStatus.Confirmed)
            {
                appointment.ChangeStatus(AppointmentStatus.Confirmed, "sample data", now);
            }

            db.Appointments.Add(appointment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
