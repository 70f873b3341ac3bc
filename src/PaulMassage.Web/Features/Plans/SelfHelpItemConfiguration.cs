using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Plans;

internal sealed class SelfHelpItemConfiguration : IEntityTypeConfiguration<SelfHelpItem>
{
    public void Configure(EntityTypeBuilder<SelfHelpItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(SelfHelpItem.TitleMaxLength);
        builder.Property(i => i.Kind).HasConversion<int>();
        builder.Property(i => i.Summary).HasMaxLength(SelfHelpItem.SummaryMaxLength);
        builder.Property(i => i.Steps).HasMaxLength(SelfHelpItem.StepsMaxLength);
        builder.Property(i => i.HowOften).HasMaxLength(SelfHelpItem.HowOftenMaxLength);
        builder.Property(i => i.WhenToStop).HasMaxLength(SelfHelpItem.WhenToStopMaxLength);
        builder.Property(i => i.Drawing).HasMaxLength(SelfHelpItem.DrawingMaxLength);
        builder.Property(i => i.ArticleSlug).HasMaxLength(SelfHelpItem.ArticleSlugMaxLength);
        builder.Ignore(i => i.StepList);
    }
}
