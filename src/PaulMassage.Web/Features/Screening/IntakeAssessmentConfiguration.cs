using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Screening;

internal sealed class IntakeAssessmentConfiguration : IEntityTypeConfiguration<IntakeAssessment>
{
    public void Configure(EntityTypeBuilder<IntakeAssessment> builder)
    {
        // The answers are [Encrypted] (see IntakeAssessment): stored as ciphertext text columns.
        builder.Property(i => i.Outcome).HasConversion<int>();
    }
}
