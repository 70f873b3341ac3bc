using System.Net;
using System.Text.Json;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Reviews;

namespace PaulMassage.IntegrationTests.Features.Reviews;

/// <summary>
/// Paul's moderation: publish, hold back only for a stated reason (never for being negative), reply;
/// the published reviews on the public pages with JSON-LD counting only them.
/// </summary>
public sealed class ReviewModerationTests : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_moderation_page_is_linked_from_the_back_office_menu_with_the_count_waiting()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.waiting@client.example", Visits.March(2, 10), 3, "Fine, nothing special about it.");
        using var paul = await factory.TherapistAsync();

        var admin = Html.Parse(await paul.GetStringAsync("/admin"));
        var link = admin.QuerySelector("#admin-nav-reviews");
        Assert.NotNull(link);
        Assert.Equal("/admin/reviews", link.GetAttribute("href"));
        Assert.Contains("1 to publish", link.TextContent, StringComparison.Ordinal);

        var page = await paul.GetStringAsync("/admin/reviews");
        Assert.Contains("Fine, nothing special about it.", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"publish-{review.ReviewId}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task only_the_therapist_sees_the_moderation_page_or_changes_a_review()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.secret@client.example", Visits.March(2, 10), 1, "My sciatica flared up badly afterwards.");
        using var anonymous = factory.Browser();
        await factory.ClientAccountAsync("ann.secret@client.example");
        using var client = await factory.SignedInAsync("ann.secret@client.example", followRedirects: true);

        var refused = await anonymous.GetAsync("/admin/reviews");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var forbidden = await client.GetAsync("/admin/reviews");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("sciatica", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var publish = await Sessions.PostAsync(client, "/", $"/admin/reviews/{review.ReviewId}/publish");
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(ReviewStatus.Waiting, await ReviewArrange.StatusAsync(factory, review.ReviewId));

        foreach (var page in new[] { "/", "/reviews", "/services/deep-tissue-massage" })
        {
            Assert.DoesNotContain("sciatica", await anonymous.GetStringAsync(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_negative_review_cannot_be_held_back_for_being_negative_only_for_a_stated_reason()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.unhappy@client.example", Visits.March(2, 10), 1, "Late, rushed and it did not help.");
        using var paul = await factory.TherapistAsync();

        foreach (var reason in new[] { "Negative", "LowRating", "0", "99", string.Empty })
        {
            using var refused = await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{review.ReviewId}/hold-back", ("Reason", reason));
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("may not be held back for being negative", html, StringComparison.Ordinal);
            Assert.Equal(ReviewStatus.Waiting, await ReviewArrange.StatusAsync(factory, review.ReviewId));
        }

        var form = Html.Parse(await paul.GetStringAsync("/admin/reviews"));
        var offered = form.QuerySelectorAll($"input[name='Reason'][id^='reason-{review.ReviewId}-']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["PersonalOrHealthDetails", "Abuse", "NotARealClient"], offered);

        using var published = await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{review.ReviewId}/publish");
        Assert.Equal(ReviewStatus.Published, await ReviewArrange.StatusAsync(factory, review.ReviewId));
        using var browser = factory.Browser(followRedirects: true);
        Assert.Contains("Late, rushed and it did not help.", await browser.GetStringAsync("/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_review_held_back_for_a_stated_reason_leaves_the_public_pages()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.details@client.example", Visits.March(2, 10), 5, "Great, and my neighbour Mrs Smith at number 4 agrees.", publish: true);
        using var browser = factory.Browser(followRedirects: true);
        Assert.Contains("Mrs Smith", await browser.GetStringAsync("/reviews"), StringComparison.Ordinal);
        using var paul = await factory.TherapistAsync();

        using var held = await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{review.ReviewId}/hold-back", ("Reason", "PersonalOrHealthDetails"));

        Assert.Contains("Held back: It gives personal or health details", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await ReviewArrange.LoadAsync(factory, review.ReviewId);
        Assert.Equal((ReviewStatus.HeldBack, HoldBackReason.PersonalOrHealthDetails), (stored.Status, stored.HoldReason));
        Assert.DoesNotContain("Mrs Smith", await browser.GetStringAsync("/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_private_review_cannot_be_published()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.private@client.example", Visits.March(2, 10), 5, "Just for Paul: thank you.", consent: false);
        using var paul = await factory.TherapistAsync();

        Assert.DoesNotContain($"id=\"publish-{review.ReviewId}\"", await paul.GetStringAsync("/admin/reviews"), StringComparison.Ordinal);
        using var refused = await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{review.ReviewId}/publish");

        Assert.Contains("did not agree to publication", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Private, await ReviewArrange.StatusAsync(factory, review.ReviewId));
    }

    [Fact]
    public async Task published_reviews_and_pauls_reply_show_on_the_home_service_and_reviews_pages_with_json_ld_counting_only_them()
    {
        var deep = await ReviewArrange.WrittenAsync(factory, "ann.one@client.example", Visits.March(2, 10), 5, "Best my back has felt in years.", publish: true);
        await ReviewArrange.WrittenAsync(factory, "bob.two@client.example", Visits.March(3, 10), 2, "Helpful but a little rushed.", publish: true, serviceSlug: "swedish-massage");
        await ReviewArrange.WrittenAsync(factory, "cat.three@client.example", Visits.March(4, 10), 1, "Waiting for Paul to read this one.");
        var held = await ReviewArrange.WrittenAsync(factory, "dan.four@client.example", Visits.March(5, 10), 1, "Held back for abuse.", publish: true);
        using var paul = await factory.TherapistAsync();
        using (await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{held.ReviewId}/hold-back", ("Reason", "Abuse")))
        using (await Sessions.PostAsync(paul, "/admin/reviews", $"/admin/reviews/{deep.ReviewId}/reply", ("Reply", "Thank you, Ann. See you next month.")))
        {
        }

        using var browser = factory.Browser(followRedirects: true);
        var reviews = Html.Parse(await browser.GetStringAsync("/reviews"));
        Assert.Contains("Best my back has felt in years.", reviews.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Helpful but a little rushed.", reviews.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thank you, Ann. See you next month.", reviews.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ann, SE1", reviews.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for Paul", reviews.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Held back for abuse", reviews.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviewer", reviews.Body.TextContent, StringComparison.Ordinal); // the first name only, never the full name

        // JSON-LD: every block parses; the practice's AggregateRating counts the two published reviews only.
        var blocks = reviews.JsonLd().Select(j => JsonDocument.Parse(j).RootElement.Clone()).ToList();
        var business = blocks.Single(b => b.TryGetProperty("aggregateRating", out _));
        var rating = business.GetProperty("aggregateRating");
        Assert.Equal("AggregateRating", rating.GetProperty("@type").GetString());
        Assert.Equal(2, rating.GetProperty("ratingCount").GetInt32());
        Assert.Equal(2, rating.GetProperty("reviewCount").GetInt32());
        Assert.Equal(3.5m, rating.GetProperty("ratingValue").GetDecimal());
        var listed = blocks.Single(b => b.TryGetProperty("review", out _));
        Assert.Equal(business.GetProperty("@id").GetString(), listed.GetProperty("@id").GetString());
        var items = listed.GetProperty("review").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, r => Assert.Equal("Review", r.GetProperty("@type").GetString()));
        Assert.Contains(items, r => r.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32() == 5 && r.GetProperty("author").GetProperty("name").GetString() == "Ann");

        var home = Html.Parse(await browser.GetStringAsync("/"));
        Assert.Contains("Best my back has felt in years.", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/reviews']"));

        // The service page shows the reviews of its own visits, with its own rating.
        var service = Html.Parse(await browser.GetStringAsync("/services/deep-tissue-massage"));
        Assert.Contains("Best my back has felt in years.", service.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Helpful but a little rushed.", service.Body.TextContent, StringComparison.Ordinal);
        var serviceNode = service.JsonLd().Select(j => JsonDocument.Parse(j).RootElement.Clone()).Single(b => b.GetProperty("@type").GetString() == "Service");
        Assert.Equal(1, serviceNode.GetProperty("aggregateRating").GetProperty("ratingCount").GetInt32());
        Assert.Single(serviceNode.GetProperty("review").EnumerateArray());

        // The footer links the reviews page.
        Assert.NotNull(Html.Parse(await browser.GetStringAsync("/faq")).QuerySelector("footer a[href='/reviews']"));
    }

    [Fact]
    public async Task with_no_published_review_there_is_no_rating_in_the_json_ld()
    {
        await ReviewArrange.WrittenAsync(factory, "ann.unread@client.example", Visits.March(2, 10), 5, "Not yet published, so not counted.");
        using var browser = factory.Browser(followRedirects: true);

        var home = Html.Parse(await browser.GetStringAsync("/"));

        Assert.All(home.JsonLd(), j => Assert.False(JsonDocument.Parse(j).RootElement.TryGetProperty("aggregateRating", out _)));
        Assert.Contains("No reviews have been published yet.", await browser.GetStringAsync("/reviews"), StringComparison.Ordinal);
    }
}
