using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Plans;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.HasIndex(c => c.AppointmentId).IsUnique();
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.ClientId);
        builder.Property(c => c.TokenHash).HasMaxLength(64);

        // An answer is saved only while none is: two sent at once, the second finds it answered.
        builder.Property(c => c.AnsweredUtc).IsConcurrencyToken();
        builder.HasOne(c => c.Appointment).WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
