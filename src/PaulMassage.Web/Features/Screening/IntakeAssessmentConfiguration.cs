using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Screening;

internal sealed class IntakeAssessmentConfiguration : IEntityTypeConfiguration<IntakeAssessment>
{
    public void Configure(EntityTypeBuilder<IntakeAssessment> builder)
    {
        builder.Property(i => i.MainComplaint).HasMaxLength(2000);
        builder.Property(i => i.MedicalHistory).HasMaxLength(4000);
        builder.Property(i => i.PainAreas).HasConversion<int>();
        builder.Property(i => i.Duration).HasConversion<int>();
        builder.Property(i => i.Feelings).HasConversion<int>();
        builder.Property(i => i.Contraindications).HasConversion<int>();
        builder.Property(i => i.Outcome).HasConversion<int>();
    }
}
