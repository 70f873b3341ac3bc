using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>A client's reviews in their data export; erasure deletes them (and so takes them off the site).</summary>
public sealed class ReviewsPersonalData(AppDbContext db, PublicContentChanged publicContent) : IPersonalDataHandler
{
    public string Section => "reviews";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = scope.AppointmentIds;
        var rows = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.AppointmentId) && r.Status != ReviewStatus.Invited)
            .Include(r => r.Appointment)
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.SubmittedUtc).Select(r => new
        {
            reference = r.Appointment!.Reference,
            rating = r.Rating,
            text = r.Text,
            agreedToPublication = r.ConsentToPublish,
            firstNameShown = r.FirstName,
            areaShown = r.Area,
            status = r.Status.ToString(),
            writtenUtc = r.SubmittedUtc,
            reply = r.Reply,
        }).ToList();
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = scope.AppointmentIds;
        var reviews = await db.Reviews.Where(r => ids.Contains(r.AppointmentId)).ToListAsync(cancellationToken);
        db.Reviews.RemoveRange(reviews);
        if (reviews.Any(r => r.Status == ReviewStatus.Published))
        {
            // The cached public pages still show it: drop them now rather than when they expire.
            await publicContent.NotifyAsync("an erased client's review", cancellationToken);
        }
    }
}

public static class ReviewServices
{
    /// <summary>Invitations in the after-visit e-mail, the review form, moderation, the published reviews.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewInvitations>();
        services.AddScoped<ReviewForms>();
        services.AddScoped<ReviewModeration>();
        services.AddScoped<PublishedReviews>();
        services.AddScoped<IPersonalDataHandler, ReviewsPersonalData>();
        return services;
    }
}
