using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(300);
        builder.Property(a => a.RelatedServiceSlugs).HasMaxLength(500);
        builder.Property(a => a.Tags).HasMaxLength(ArticleTags.ColumnLength);
        builder.HasIndex(a => new { a.IsPublished, a.PublishedUtc });
        builder.Ignore(a => a.RelatedServices);
        builder.Ignore(a => a.TagList);
    }
}
