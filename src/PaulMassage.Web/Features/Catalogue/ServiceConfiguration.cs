using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Catalogue;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Summary).HasMaxLength(300);
        builder.Property(s => s.Suits).HasMaxLength(300);
        builder.HasMany(s => s.Options).WithOne().HasForeignKey(o => o.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceOptionConfiguration : IEntityTypeConfiguration<ServiceOption>
{
    public void Configure(EntityTypeBuilder<ServiceOption> builder) =>
        builder.HasIndex(o => new { o.ServiceId, o.Minutes }).IsUnique();
}
