using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>
/// The secret address of the therapist's iCal feed. Only the SHA-256 of the token is stored, like
/// a manage link: the address is shown once, and making a new one stops the old one working.
/// </summary>
public class CalendarFeed
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
    }
}
