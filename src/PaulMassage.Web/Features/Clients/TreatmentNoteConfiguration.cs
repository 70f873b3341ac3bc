using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Clients;

internal sealed class TreatmentNoteConfiguration : IEntityTypeConfiguration<TreatmentNote>
{
    public void Configure(EntityTypeBuilder<TreatmentNote> builder)
    {
        builder.HasIndex(n => n.AppointmentId).IsUnique();
        builder.HasOne(n => n.Appointment).WithMany().HasForeignKey(n => n.AppointmentId).OnDelete(DeleteBehavior.Cascade);

        // Health data: the notes are stored as ciphertext (Data Protection), so the columns are
        // unbounded; the form limits what is typed to TreatmentNote.TextMaxLength.
        builder.Property(n => n.Subjective).IsEncrypted();
        builder.Property(n => n.Objective).IsEncrypted();
        builder.Property(n => n.Assessment).IsEncrypted();
        builder.Property(n => n.Plan).IsEncrypted();
        builder.ToTable(t => t.HasCheckConstraint("CK_TreatmentNotes_PainScore", "PainScore >= 0 AND PainScore <= 10"));
    }
}
