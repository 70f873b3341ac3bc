using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Reviews;

namespace PaulMassage.IntegrationTests.Features.Reviews;

/// <summary>The review form behind the e-mailed link: one-time, expiring, and nothing for a wrong link.</summary>
public sealed class ReviewFormTests : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_link_opens_the_form_once_and_a_used_link_is_a_404()
    {
        var review = await ReviewArrange.InvitedAsync(factory, "ann.once@client.example", Visits.March(2, 10));
        using var browser = factory.Browser(followRedirects: true);

        var form = await browser.GetAsync(review.WriteUrl);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Deep tissue massage", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("type=\"radio\" id=\"Rating-5\" name=\"Rating\" value=\"5\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ann\"", html, StringComparison.Ordinal); // the first name suggested
        Assert.DoesNotContain("Aching lower back", html, StringComparison.Ordinal); // nothing of the intake

        var antiforgery = await FormPost.AntiforgeryTokenAsync(browser, review.WriteUrl);
        using var sent = await ReviewArrange.WriteAsync(browser, review, rating: 2, text: "On time, but my back still aches.");
        Assert.Contains("id=\"review-thanks\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await ReviewArrange.LoadAsync(factory, review.ReviewId);
        Assert.Equal((ReviewStatus.Waiting, 2, "On time, but my back still aches.", "Ann", "SE1"), (stored.Status, stored.Rating, stored.Text, stored.FirstName, stored.Area));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(review.WriteUrl)).StatusCode);
        using var content = new FormUrlEncodedContent([new("Rating", "5"), new("Text", "Trying to change my review afterwards"), new("__RequestVerificationToken", antiforgery)]);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(review.WriteUrl, content)).StatusCode);
        Assert.Equal(2, (await ReviewArrange.LoadAsync(factory, review.ReviewId)).Rating);
    }

    [Fact]
    public async Task an_expired_link_is_a_404()
    {
        var review = await ReviewArrange.InvitedAsync(factory, "ann.late@client.example", Visits.March(2, 10));
        factory.Clock.Advance(Review.LinkLifetime + TimeSpan.FromMinutes(1));
        using var browser = factory.Browser(followRedirects: true);

        var response = await browser.GetAsync(review.WriteUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("cannot be used", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Invited, await ReviewArrange.StatusAsync(factory, review.ReviewId));
    }

    [Fact]
    public async Task a_wrong_or_guessed_link_is_a_404_for_anyone_and_shows_nothing_of_any_review()
    {
        var review = await ReviewArrange.InvitedAsync(factory, "ann.private@client.example", Visits.March(2, 10));
        using var anonymous = factory.Browser(followRedirects: true);
        await factory.ClientAccountAsync("someone.else@client.example");
        using var otherClient = await factory.SignedInAsync("someone.else@client.example", followRedirects: true);

        foreach (var browser in new[] { anonymous, otherClient })
        {
            foreach (var path in new[] { ReviewPaths.Write(ManageToken.Create()), ReviewPaths.Write(review.Token[..^1]), ReviewPaths.Write(review.StopToken) })
            {
                var response = await browser.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Deep tissue", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }

        // A guessed post (with a valid form token from the site) stores nothing either.
        var antiforgery = await FormPost.AntiforgeryTokenAsync(anonymous, review.WriteUrl);
        using var content = new FormUrlEncodedContent([new("Rating", "1"), new("Text", "A stranger's fake review"), new("__RequestVerificationToken", antiforgery)]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(ReviewPaths.Write(ManageToken.Create()), content)).StatusCode);
        Assert.Equal(ReviewStatus.Invited, await ReviewArrange.StatusAsync(factory, review.ReviewId));
    }

    [Fact]
    public async Task mistakes_are_explained_beside_the_fields_keeping_what_was_typed_and_the_link_stays_usable()
    {
        var review = await ReviewArrange.InvitedAsync(factory, "ann.typo@client.example", Visits.March(2, 10));
        using var browser = factory.Browser(followRedirects: true);

        using var wrong = await ReviewArrange.WriteAsync(browser, review, rating: null, text: "Good", consent: true, firstName: "");
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"Rating-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Text-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"FirstName-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">Good</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Invited, await ReviewArrange.StatusAsync(factory, review.ReviewId));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(review.WriteUrl)).StatusCode);
    }

    [Fact]
    public async Task a_review_without_consent_is_kept_private_and_shows_nowhere_public()
    {
        var review = await ReviewArrange.WrittenAsync(factory, "ann.quiet@client.example", Visits.March(2, 10), 4, "Kept between me and Paul, thank you.", consent: false);

        var stored = await ReviewArrange.LoadAsync(factory, review.ReviewId);
        Assert.Equal((ReviewStatus.Private, (string?)null, (string?)null), (stored.Status, stored.FirstName, stored.Area));
        using var browser = factory.Browser(followRedirects: true);
        foreach (var page in new[] { "/", "/reviews", "/services/deep-tissue-massage" })
        {
            Assert.DoesNotContain("Kept between me and Paul", await browser.GetStringAsync(page), StringComparison.Ordinal);
        }
    }
}
