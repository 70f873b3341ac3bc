using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Data.Migrations;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

/// <summary>A database seeded before articles had tags, drawings and sources gets them, but never over the therapist's own words.</summary>
public sealed class TheSeededContentUpgrade
{
    [Fact]
    public async Task updates_the_untouched_seeded_texts_tags_them_and_leaves_edited_ones_alone()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(id => id.EndsWith("_ArticleTags", StringComparison.Ordinal)) - 1]);

        var texts = SeededContentDecember2026.Texts;
        var untouched = texts.Single(t => t.Slug == "self-help-between-visits");
        var edited = texts.Single(t => t.Slug == "how-massage-helps-back-pain");
        var service = texts.Single(t => t.Slug == "deep-tissue-massage");
        const string PaulsWords = "Paul rewrote this article himself.\n";
        await InsertArticleAsync(db, 1, untouched.Slug, untouched.Seeded);
        await InsertArticleAsync(db, 2, edited.Slug, PaulsWords);
        await InsertArticleAsync(db, 3, "pauls-own-article", "Written in the back office.\n");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Services (Id, Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder) VALUES (1, {0}, 'Deep tissue massage', 's', 's', {1}, 1, 1)",
            service.Slug, service.Seeded);

        await db.Database.MigrateAsync();

        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(untouched.Updated, articles[0].BodyMarkdown);
        Assert.Contains("/img/drawings/knee-hug.svg", articles[0].BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal(["self-help", "stretches"], articles[0].TagList);
        Assert.Equal(PaulsWords, articles[1].BodyMarkdown);
        Assert.Equal(["massage", "research"], articles[1].TagList);
        Assert.Equal(("Written in the back office.\n", ""), (articles[2].BodyMarkdown, articles[2].Tags));
        Assert.Equal(service.Updated, await db.Services.Select(s => s.DescriptionMarkdown).SingleAsync());
    }

    [Fact]
    public void hold_the_texts_content_has_now_so_a_new_database_and_an_upgraded_one_read_the_same()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Content");
        foreach (var text in SeededContentDecember2026.Texts)
        {
            var folder = text.Table == "Articles" ? "articles" : "services";
            var doc = FrontMatterDocument.Parse(File.ReadAllText(Path.Combine(root, folder, text.Slug + ".md")));
            Assert.Equal(doc.Body, text.Updated);
            Assert.NotEqual(text.Seeded, text.Updated);
        }
    }

    private static Task<int> InsertArticleAsync(AppDbContext db, int id, string slug, string body) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Articles (Id, Slug, Title, Description, BodyMarkdown, RelatedServiceSlugs, IsPublished, PublishedUtc, UpdatedUtc) VALUES ({0}, {1}, 't', 'd', {2}, '', 1, '2026-06-01 09:00:00', '2026-06-01 09:00:00')",
            id, slug, body);
}
