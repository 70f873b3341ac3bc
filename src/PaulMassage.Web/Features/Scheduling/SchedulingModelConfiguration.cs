using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Scheduling;

internal sealed class PracticeSettingsConfiguration : IEntityTypeConfiguration<PracticeSettings>
{
    public void Configure(EntityTypeBuilder<PracticeSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ServedDistricts).HasMaxLength(2000);
        builder.Property(s => s.HomeDistrict).HasMaxLength(8);
        builder.Property(s => s.TravelZones).HasMaxLength(4000);
        builder.Property(s => s.TravelMinutes).HasMaxLength(2000);
    }
}

internal sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder) =>
        builder.Property(w => w.Day).HasConversion<int>();
}

internal sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(200);
        builder.HasIndex(t => new { t.StartUtc, t.EndUtc });
    }
}
