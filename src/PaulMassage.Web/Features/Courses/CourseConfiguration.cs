using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<CourseOfTreatment>
{
    public void Configure(EntityTypeBuilder<CourseOfTreatment> builder)
    {
        builder.ToTable("CoursesOfTreatment");
        // Goal is [Encrypted]: an unbounded text column, since ciphertext is longer than the text.
        builder.HasIndex(c => new { c.ClientId, c.StartDate });
        builder.HasOne(c => c.Client).WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Service).WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
