using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(12);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.ManageTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.ManageTokenHash).IsUnique();
        builder.Property(a => a.ManageTokenProtected).HasMaxLength(500);
        builder.Property(a => a.EmailCheckTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.EmailCheckTokenHash).IsUnique();

        // Availability reads a date range of visits in one query; this is its index.
        builder.HasIndex(a => new { a.StartUtc, a.Status });
        builder.HasIndex(a => new { a.Status, a.NeedsReview });
        builder.HasIndex(a => a.ProposedStartUtc);

        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.AddressLine1).HasMaxLength(200);
        builder.Property(a => a.AddressLine2).HasMaxLength(200);
        builder.Property(a => a.Town).HasMaxLength(100);
        builder.Property(a => a.Postcode).HasMaxLength(10);
        // AccessNotes and DeclineReason are [Encrypted]: unbounded text columns (ciphertext is longer
        // than the text); their forms keep the 1,000-character limit.

        builder.HasOne(a => a.Client).WithMany(c => c.Appointments).HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Intake).WithOne().HasForeignKey<IntakeAssessment>(i => i.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(e => e.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.SlotClaims).WithOne().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Series).WithMany(s => s.Visits).HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitSeriesConfiguration : IEntityTypeConfiguration<VisitSeries>
{
    public void Configure(EntityTypeBuilder<VisitSeries> builder)
    {
        builder.ToTable("VisitSeries");
        builder.Property(s => s.ManageTokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.ManageTokenHash).IsUnique();
        builder.Property(s => s.ManageTokenProtected).HasMaxLength(500);
        builder.HasOne(s => s.Client).WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaulMassage.Web.Features.Courses.CourseOfTreatment>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AppointmentEventConfiguration : IEntityTypeConfiguration<AppointmentEvent>
{
    public void Configure(EntityTypeBuilder<AppointmentEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256);
        // Note is [Encrypted]: an unbounded text column.
        builder.Property(e => e.FromStatus).HasConversion<int?>();
        builder.Property(e => e.ToStatus).HasConversion<int>();
    }
}

internal sealed class TravelTurnConfiguration : IEntityTypeConfiguration<TravelTurn>
{
    public void Configure(EntityTypeBuilder<TravelTurn> builder) =>
        builder.HasKey(t => new { t.CellStartUtc, t.Turn }); // one booking per turn of a cell, enforced by the key
}

internal sealed class SlotClaimConfiguration : IEntityTypeConfiguration<SlotClaim>
{
    public void Configure(EntityTypeBuilder<SlotClaim> builder)
    {
        // The double-booking guard: one visit per quarter-hour cell, enforced by the key.
        builder.HasKey(c => c.CellStartUtc);
        builder.HasIndex(c => c.AppointmentId);
    }
}
