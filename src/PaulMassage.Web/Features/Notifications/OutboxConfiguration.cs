using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.DedupKey).HasMaxLength(100);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.ReplyTo).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.CalendarMethod).HasMaxLength(20);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.Property(m => m.ListUnsubscribeUrl).HasMaxLength(500);

        // The sender's query: due pending messages in order.
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        builder.HasOne(m => m.Appointment).WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
