using Microsoft.EntityFrameworkCore.Migrations;

namespace PaulMassage.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Gives the six articles the site was first seeded with their tags (as Content/articles now has
/// them) in a database made before articles had tags. An article the therapist has since tagged,
/// or one he wrote himself, is left alone. Plain SQL that SQLite and SQL Server read alike.
/// </summary>
internal static class SeededArticleTags
{
    private static readonly (string Slug, string Tags)[] Seeded =
    [
        ("understanding-back-pain", "causes,posture,warning-signs"),
        ("how-massage-helps-back-pain", "massage,research"),
        ("choosing-a-massage-technique", "massage,treatments"),
        ("self-help-between-visits", "self-help,stretches"),
        ("keeping-your-back-pain-free", "posture,exercise,sleep,desk-work,self-help"),
        ("why-a-course-of-treatment", "treatments,massage"),
    ];

    public static void Add(MigrationBuilder migrationBuilder)
    {
        foreach (var (slug, tags) in Seeded)
        {
            migrationBuilder.Sql($"UPDATE Articles SET Tags = '{tags}' WHERE Slug = '{slug}' AND Tags = '';");
        }
    }
}
