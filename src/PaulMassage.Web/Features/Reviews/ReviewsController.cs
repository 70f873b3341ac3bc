using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>The review form as the client fills it in.</summary>
public sealed class ReviewForm
{
    public int? Rating { get; set; }

    public string? Text { get; set; }

    public bool ConsentToPublish { get; set; }

    public string? FirstName { get; set; }

    public ReviewInput ToInput() => new(Rating, Text, ConsentToPublish, FirstName);
}

/// <summary>The review form page: the visit, the form, or what became of it.</summary>
public sealed record ReviewPage(ReviewVisit? Visit, ReviewForm Form, ReviewSubmitted? Submitted);

/// <summary>The "stop asking me for reviews" page: the question, or the answer once given; Found false for an unknown link.</summary>
public sealed record StopAskingPage(bool Found, bool Stopped);

/// <summary>
/// The public side of reviews: the published ones at /reviews, the one-time review form behind the
/// e-mailed link, and the one-click "stop asking me". Nobody signs in: the link's secret is the key,
/// and an unknown, used or expired one is a 404.
/// </summary>
[AllowAnonymous]
public sealed class ReviewsController(PublishedReviews published, ReviewForms forms, ReviewInvitations invitations) : Controller
{
    [HttpGet("/reviews")]
    [PublicContent]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await published.AllAsync(cancellationToken));

    [HttpGet("/review/{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Write(string token, CancellationToken cancellationToken)
    {
        var visit = await forms.FindAsync(token, cancellationToken);
        return visit is null
            ? Gone()
            : View("Write", new ReviewPage(visit, new ReviewForm { FirstName = visit.SuggestedFirstName }, null));
    }

    [HttpPost("/review/{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Write(string token, [FromForm] ReviewForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear(); // the rules give the messages, in the client's words
        var visit = await forms.FindAsync(token, cancellationToken);
        if (visit is null)
        {
            return Gone();
        }

        var (outcome, errors) = await forms.SubmitAsync(token, form.ToInput(), cancellationToken);
        if (outcome == ReviewSubmitted.NotFound)
        {
            return Gone();
        }

        ModelState.AddFieldErrors(errors);
        return View("Write", new ReviewPage(outcome == ReviewSubmitted.Invalid ? visit : null, form, outcome == ReviewSubmitted.Invalid ? null : outcome));
    }

    [HttpGet("/no-review-requests/{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> StopAsking(string token, CancellationToken cancellationToken) =>
        await invitations.StopLinkExistsAsync(token, cancellationToken)
            ? View("StopAsking", new StopAskingPage(true, false))
            : StopNotFound();

    /// <summary>
    /// The button on the page, and the one-click unsubscribe of mail programs (RFC 8058: a POST with
    /// no cookie and no form token), so the token in the address is the only key.
    /// </summary>
    [HttpPost("/no-review-requests/{token}")]
    [IgnoreAntiforgeryToken]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> StopAskingConfirmed(string token, CancellationToken cancellationToken) =>
        await invitations.StopAskingAsync(token, cancellationToken)
            ? View("StopAsking", new StopAskingPage(true, true))
            : StopNotFound();

    private ViewResult Gone()
    {
        var view = View("Write", new ReviewPage(null, new ReviewForm(), ReviewSubmitted.NotFound));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }

    private ViewResult StopNotFound()
    {
        var view = View("StopAsking", new StopAskingPage(false, false));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
