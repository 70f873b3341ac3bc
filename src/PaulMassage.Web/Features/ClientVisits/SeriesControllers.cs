using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.ClientVisits;

/// <summary>The series' page: its visits, each one's own link, and "cancel the rest".</summary>
public sealed class SeriesPage
{
    public required ManagedSeries Series { get; init; }

    /// <summary>Where "cancel the rest" posts.</summary>
    public required string CancelAction { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// A course or repeating series Paul booked, reached by the one link in its e-mail (for clients
/// with or without an account). A stale, replaced or unknown link answers 404.
/// </summary>
[AllowAnonymous]
[Route("series/{token}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SeriesController(ClientVisitService visits) : Controller
{
    private const string MessageKey = "SeriesMessage";

    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken) =>
        await visits.SeriesByTokenAsync(token, cancellationToken) is { } series
            ? View("Series", new SeriesPage
            {
                Series = visits.Describe(series),
                CancelAction = VisitSeries.ManagePath(token) + "/cancel-rest",
                Message = TempData[MessageKey] as string,
            })
            : NotFound();

    [HttpPost("cancel-rest")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> CancelRest(string token, CancellationToken cancellationToken)
    {
        if (await visits.SeriesByTokenAsync(token, cancellationToken) is not { } series)
        {
            return NotFound();
        }

        TempData[MessageKey] = SeriesMessages.Cancelled(await visits.CancelRestOfSeriesAsync(series, cancellationToken));
        return LocalRedirect(VisitSeries.ManagePath(token));
    }
}

/// <summary>A signed-in client cancels the rest of one of their own series from their account.</summary>
[Authorize(Roles = Roles.Client)]
[Route("account/series/{id:int}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountSeriesController(ClientVisitService visits) : Controller
{
    [HttpPost("cancel-rest")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> CancelRest(int id, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (await visits.SeriesForUserAsync(userId, id, cancellationToken) is not { } series)
        {
            return NotFound();
        }

        TempData[AccountVisitsController.MessageKey] = SeriesMessages.Cancelled(await visits.CancelRestOfSeriesAsync(series, cancellationToken));
        return Redirect("/account");
    }
}

/// <summary>What the client is told after "cancel the rest", by link or in the account.</summary>
public static class SeriesMessages
{
    public static string Cancelled(SeriesCancelOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Conflict)
        {
            return "Paul changed one of these visits at the same moment, so nothing was cancelled. Please check them and try again if you still need to.";
        }

        var done = outcome.Cancelled switch
        {
            0 => "There were no visits left to cancel online.",
            1 => "1 visit is cancelled. Thank you for letting Paul know.",
            var n => $"{n} visits are cancelled. Thank you for letting Paul know.",
        };
        return outcome.KeptInsideNotice switch
        {
            0 => done,
            1 => done + " 1 visit starts within 24 hours, so it stays booked: to call it off, please phone Paul.",
            var n => done + $" {n} visits start within 24 hours, so they stay booked: to call them off, please phone Paul.",
        };
    }
}
