using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Clients;

internal sealed class TreatmentNoteConfiguration : IEntityTypeConfiguration<TreatmentNote>
{
    public void Configure(EntityTypeBuilder<TreatmentNote> builder)
    {
        builder.HasIndex(n => n.AppointmentId).IsUnique();
        builder.HasOne(n => n.Appointment).WithMany().HasForeignKey(n => n.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Subjective).HasMaxLength(TreatmentNote.TextMaxLength);
        builder.Property(n => n.Objective).HasMaxLength(TreatmentNote.TextMaxLength);
        builder.Property(n => n.Assessment).HasMaxLength(TreatmentNote.TextMaxLength);
        builder.Property(n => n.Plan).HasMaxLength(TreatmentNote.TextMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("CK_TreatmentNotes_PainScore", "PainScore >= 0 AND PainScore <= 10"));
    }
}
