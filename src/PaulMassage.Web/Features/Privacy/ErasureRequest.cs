using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>A client's request to have their personal data erased, and when the therapist completed it.</summary>
public class ErasureRequest
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    public Client? Client { get; set; }

    /// <summary>
    /// The one booking the request covers, when it was made through that booking's manage link
    /// (which proves nothing about the rest of the record); null for the whole record.
    /// </summary>
    public int? AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    /// <summary>How it was asked: "booking PM-7K3Q9X" (the manage link) or "account".</summary>
    public required string Channel { get; set; }

    public DateTime RequestedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    /// <summary>Who completed it: the therapist's account id, or "retention" for the automatic clean-up.</summary>
    public string? CompletedBy { get; set; }
}

/// <summary>
/// The law's deadline for an erasure request: one month from the day it was asked (UK GDPR article
/// 12(3)), counted in the practice's time zone; the same day next month, or that month's last day.
/// </summary>
public sealed record ErasureDeadline(DateOnly DueDate, int DaysLeft)
{
    /// <summary>From this many days before the due day, Paul is warned.</summary>
    public const int WarningDays = 7;

    public bool IsNear => DaysLeft <= WarningDays;

    public bool IsOverdue => DaysLeft < 0;

    public static ErasureDeadline For(DateTime requestedUtc, PracticeClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var due = clock.LocalDay(requestedUtc).AddMonths(1);
        return new ErasureDeadline(due, due.DayNumber - clock.Today.DayNumber);
    }

    /// <summary>"Due by Mon 4 Jan 2027 (30 days left)", "Due today", "Overdue: was due Mon 4 Jan 2027".</summary>
    public string Describe()
    {
        var day = DueDate.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        return DaysLeft switch
        {
            < 0 => $"Overdue: was due {day}",
            0 => "Due today",
            _ => $"Due by {day} ({Wording.Count(DaysLeft, "day")} left)",
        };
    }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.ToTable("ErasureRequests");
        builder.Property(r => r.Channel).HasMaxLength(40);
        builder.Property(r => r.CompletedBy).HasMaxLength(450);
        builder.HasIndex(r => new { r.CompletedUtc, r.RequestedUtc });
        builder.HasOne(r => r.Client).WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Appointment).WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
