using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Settings;

public sealed class PageForm
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter a one-sentence description; search engines show it under the title.")]
    [StringLength(300, ErrorMessage = "The description can be at most 300 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Write the page before saving it.")]
    [StringLength(50000, ErrorMessage = "The page can be at most 50,000 characters.")]
    [DataType(DataType.MultilineText)]
    public string? BodyMarkdown { get; set; }
}

public sealed class CredentialsForm
{
    [StringLength(1000, ErrorMessage = "The qualifications can be at most 1,000 characters.")]
    [DataType(DataType.MultilineText)]
    public string? Qualifications { get; set; }

    [StringLength(200, ErrorMessage = "The professional body can be at most 200 characters.")]
    public string? ProfessionalBody { get; set; }

    [StringLength(60, ErrorMessage = "The membership number can be at most 60 characters.")]
    public string? MembershipNumber { get; set; }

    [StringLength(300, ErrorMessage = "The insurance can be at most 300 characters.")]
    public string? Insurance { get; set; }
}

public sealed record PageListRow(string Slug, string Title, DateTime UpdatedUtc);

/// <summary>Edits the practice's own pages (about, FAQ, terms) and the therapist's credentials; every change refreshes the public pages.</summary>
public sealed class PageEditor(AppDbContext db, PublicContentChanged publicContent, PracticeClock clock)
{
    public async Task<IReadOnlyList<PageListRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.SitePages.AsNoTracking()
            .Select(p => new PageListRow(p.Slug, p.Title, p.UpdatedUtc))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => SitePages.Slugs.ToList().IndexOf(r.Slug)).ToList();
    }

    public async Task<PageForm?> FormAsync(string slug, CancellationToken cancellationToken = default) =>
        await db.SitePages.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new PageForm { Title = p.Title, Description = p.Description, BodyMarkdown = p.BodyMarkdown })
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Saves the page; false when there is no such page.</summary>
    public async Task<bool> SaveAsync(string slug, PageForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = await db.SitePages.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (page is null)
        {
            return false;
        }

        page.Edit(form.Title!, form.Description!, form.BodyMarkdown!, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("page " + slug, cancellationToken);
        return true;
    }

    public async Task<CredentialsForm> CredentialsFormAsync(CancellationToken cancellationToken = default)
    {
        var row = await db.TherapistCredentials.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new TherapistCredentials();
        return new CredentialsForm { Qualifications = row.Qualifications, ProfessionalBody = row.ProfessionalBody, MembershipNumber = row.MembershipNumber, Insurance = row.Insurance };
    }

    public async Task SaveCredentialsAsync(CredentialsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var row = await db.TherapistCredentials.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new TherapistCredentials();
            db.TherapistCredentials.Add(row);
        }

        row.Edit(form.Qualifications, form.ProfessionalBody, form.MembershipNumber, form.Insurance);
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("credentials", cancellationToken);
    }
}
