using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Reviews;

/// <summary>A completed visit's review invitation, stored as the after-visit e-mail stores it, with its two secrets.</summary>
public sealed record InvitedReview(int ReviewId, int AppointmentId, string Token, string StopToken, string Email)
{
    public string WriteUrl => ReviewPaths.Write(Token);

    public string StopUrl => ReviewPaths.StopAsking(StopToken);
}

public static class ReviewArrange
{
    /// <summary>A completed visit of <paramref name="email"/> with an invitation to review it, made now.</summary>
    public static async Task<InvitedReview> InvitedAsync(PracticeAppFactory factory, string email, DateTime visitStartUtc, string serviceSlug = "deep-tissue-massage")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var visit = await factory.VisitAsync(email, visitStartUtc, AppointmentStatus.Completed, name: "Ann Reviewer", serviceSlug: serviceSlug);
        var token = ManageToken.Create();
        var stop = ManageToken.Create();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var review = Review.Invite(visit.Id, null, ManageToken.Hash(token), ManageToken.Hash(stop), factory.Clock.GetUtcNow().UtcDateTime);
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return new InvitedReview(review.Id, visit.Id, token, stop, email);
    }

    /// <summary>The client sends the review form through its link, as a browser does.</summary>
    public static Task<HttpResponseMessage> WriteAsync(HttpClient client, InvitedReview review, int? rating = 5, string text = "Paul eased my back in one visit.", bool consent = true, string firstName = "Ann")
    {
        ArgumentNullException.ThrowIfNull(review);
        var fields = new List<KeyValuePair<string, string>> { new("Text", text), new("FirstName", firstName) };
        if (rating is int stars)
        {
            fields.Add(new("Rating", stars.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (consent)
        {
            fields.Add(new("ConsentToPublish", "true"));
        }

        return FormPost.PostAsync(client, review.WriteUrl, review.WriteUrl, fields);
    }

    /// <summary>A review written (with consent unless told) and, when <paramref name="publish"/>, published by Paul.</summary>
    public static async Task<InvitedReview> WrittenAsync(PracticeAppFactory factory, string email, DateTime visitStartUtc, int rating, string text, bool consent = true, bool publish = false, string serviceSlug = "deep-tissue-massage")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var review = await InvitedAsync(factory, email, visitStartUtc, serviceSlug);
        using (var browser = factory.Browser(followRedirects: true))
        using (var written = await WriteAsync(browser, review, rating, text, consent))
        {
            Assert.Contains("id=\"review-thanks\"", await written.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        if (publish)
        {
            using var paul = await factory.TherapistAsync();
            using var published = await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{review.ReviewId}/publish");
            Assert.Equal(ReviewStatus.Published, await StatusAsync(factory, review.ReviewId));
        }

        return review;
    }

    /// <summary>A review written and published straight in the database (for a site driven by a browser), the public pages refreshed.</summary>
    public static async Task<InvitedReview> PublishedAsync(PracticeAppFactory factory, string email, DateTime visitStartUtc, int rating, string text, string? reply = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var invited = await InvitedAsync(factory, email, visitStartUtc);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var review = await db.Reviews.SingleAsync(r => r.Id == invited.ReviewId);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        review.Submit(new ReviewValues(rating, text, true, "Ann", "SE1"), now);
        review.Publish(now);
        review.SetReply(reply, now);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<PublicContentChanged>().NotifyAsync("test reviews");
        return invited;
    }

    /// <summary>Paul finishes the confirmed visit 65 minutes after its start; the after-visit e-mail it sent to <paramref name="email"/>.</summary>
    public static async Task<MimeMessage> FinishAsync(PracticeAppFactory factory, int visitId, string email, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.Clock.SetUtcNow(new DateTimeOffset(startUtc.AddMinutes(65)));
        using var paul = await factory.TherapistAsync();
        using var done = await PaymentArrange.FinishAsync(paul, factory, visitId);
        Assert.Equal(AppointmentStatus.Completed, (await Visits.LoadAsync(factory, visitId)).Status);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.AppointmentId == visitId && m.Kind == NotificationKind.Aftercare)));
        return (await MailPickup.ToAsync(factory, email)).Last(m => m.Subject!.StartsWith("After your massage", StringComparison.Ordinal));
    }

    /// <summary>Moves the clock to two days before the visit (inside the booking horizon) when that is later than now, to book it online.</summary>
    public static void BookTwoDaysAhead(PracticeAppFactory factory, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var bookedAt = new DateTimeOffset(startUtc.AddDays(-2));
        if (bookedAt > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(bookedAt);
        }
    }

    /// <summary>The after-visit e-mail asks for a review.</summary>
    public static bool Invites(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.TextBody!.Contains("/review/", StringComparison.Ordinal);
    }

    /// <summary>The one-click POST of a mail program on the invitation's "stop asking me" link: no cookie, no form token.</summary>
    public static async Task StopAskingAsync(PracticeAppFactory factory, MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var browser = factory.Browser(followRedirects: true);
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using var stopped = await browser.PostAsync(MailPickup.LinkIn(mail, "/no-review-requests/"), oneClick);
        Assert.Contains("id=\"stopped\"", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static Task<ReviewStatus> StatusAsync(PracticeAppFactory factory, int reviewId) =>
        factory.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync());

    public static Task<Review> LoadAsync(PracticeAppFactory factory, int reviewId) =>
        factory.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
}
