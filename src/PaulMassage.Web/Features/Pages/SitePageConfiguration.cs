using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Pages;

internal sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(40);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(300);
    }
}

internal sealed class TherapistCredentialsConfiguration : IEntityTypeConfiguration<TherapistCredentials>
{
    public void Configure(EntityTypeBuilder<TherapistCredentials> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Qualifications).HasMaxLength(1000);
        builder.Property(c => c.ProfessionalBody).HasMaxLength(200);
        builder.Property(c => c.MembershipNumber).HasMaxLength(60);
        builder.Property(c => c.Insurance).HasMaxLength(300);
        builder.Ignore(c => c.QualificationList);
    }
}
