using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The page behind each link of the address check: it shows the visit and asks for the answer with
/// a button, because opening a link (as mail scanners do) must not answer for the reader.
/// </summary>
[AllowAnonymous]
[Route("address-check/{token}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AddressCheckController(AddressCheckService checks) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> ItWasMe(string token, CancellationToken cancellationToken) => AskAsync(token, notMe: false, cancellationToken);

    [HttpGet("not-me")]
    public Task<IActionResult> NotMe(string token, CancellationToken cancellationToken) => AskAsync(token, notMe: true, cancellationToken);

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AnswerItWasMe(string token, CancellationToken cancellationToken) =>
        Answered(await checks.ItWasMeAsync(token, cancellationToken));

    [HttpPost("not-me")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AnswerNotMe(string token, CancellationToken cancellationToken) =>
        Answered(await checks.NotMeAsync(token, cancellationToken));

    private async Task<IActionResult> AskAsync(string token, bool notMe, CancellationToken cancellationToken)
    {
        var visit = await checks.FindAsync(token, cancellationToken);
        var page = new AddressCheckPage(visit, notMe, null);
        return visit is null ? NotFoundView(page) : View("AddressCheck", page);
    }

    private ViewResult Answered(AddressCheckAnswer answer) => answer == AddressCheckAnswer.NotFound
        ? NotFoundView(new AddressCheckPage(null, false, null))
        : View("AddressCheck", new AddressCheckPage(null, answer == AddressCheckAnswer.Disowned, answer));

    private ViewResult NotFoundView(AddressCheckPage page)
    {
        var view = View("AddressCheck", page);
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}

/// <summary>The question (with the visit), the answer given, or neither when the link is unknown or used.</summary>
public sealed record AddressCheckPage(AddressCheckVisit? Visit, bool NotMe, AddressCheckAnswer? Answer);
