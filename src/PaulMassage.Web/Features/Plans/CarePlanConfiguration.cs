using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Plans;

internal sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    public void Configure(EntityTypeBuilder<CarePlan> builder)
    {
        // One version per visit; erasing the visit or the client takes the plan with it.
        builder.HasIndex(p => p.AppointmentId).IsUnique();
        builder.HasIndex(p => p.ClientId);
        builder.HasOne(p => p.Appointment).WithMany().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Client).WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(p => p.Techniques).WithOne().HasForeignKey(t => t.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Techniques).HasField("techniques").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CarePlanTechniqueConfiguration : IEntityTypeConfiguration<CarePlanTechnique>
{
    public void Configure(EntityTypeBuilder<CarePlanTechnique> builder)
    {
        builder.ToTable("CarePlanTechniques");
        builder.HasOne(t => t.Service).WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarePlanItemConfiguration : IEntityTypeConfiguration<CarePlanItem>
{
    public void Configure(EntityTypeBuilder<CarePlanItem> builder)
    {
        builder.ToTable("CarePlanItems");
        builder.HasOne(i => i.SelfHelpItem).WithMany().HasForeignKey(i => i.SelfHelpItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
