using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasOne(r => r.Appointment).WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.AppointmentId).IsUnique();
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.Property(r => r.UnsubscribeTokenHash).HasMaxLength(64);
        builder.HasIndex(r => r.UnsubscribeTokenHash).IsUnique();
        builder.HasIndex(r => new { r.Status, r.SubmittedUtc });
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.HoldReason).HasConversion<int?>();
        builder.Property(r => r.FirstName).HasMaxLength(Review.FirstNameMaxLength);
        builder.Property(r => r.Area).HasMaxLength(8);
        builder.Property(r => r.Reply).HasMaxLength(Review.ReplyMaxLength);
        builder.Ignore(r => r.MayPublish);
        builder.Ignore(r => r.MayHoldBack);
        builder.Ignore(r => r.MayReply);
    }
}
