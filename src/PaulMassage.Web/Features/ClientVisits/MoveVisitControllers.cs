using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.ClientVisits;

public sealed class MoveVisitForm
{
    /// <summary>The new start, in UTC, as the slot list sends it.</summary>
    public DateTime? Start { get; set; }
}

/// <summary>Moving a visit through the private link in the booking e-mail.</summary>
[AllowAnonymous]
[ExpiringManageLink]
[Route("bookings/{token}/move")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MoveBookingController(ClientVisitService visits, MoveVisitPages pages) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Move(string token, [FromQuery] DateOnly? week, CancellationToken cancellationToken) =>
        await visits.ByTokenAsync(token, cancellationToken) is { } appointment
            ? View("Move", await pages.BuildAsync(appointment, week, Links(token), null, cancellationToken))
            : NotFound();

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(string token, [FromForm] MoveVisitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await pages.SubmitAsync(() => visits.ByTokenAsync(token, cancellationToken), form.Start, Links(token), cancellationToken);
        if (result.MovedMessage is not null)
        {
            TempData["ManageMessage"] = result.MovedMessage;
            return Redirect($"/bookings/{token}");
        }

        return result.Page is null ? NotFound() : View("Move", result.Page);
    }

    private static MoveLinks Links(string token) => new($"/bookings/{token}/move", $"/bookings/{token}");
}

/// <summary>A signed-in client cancels or moves one of their own visits from their account.</summary>
[Authorize(Roles = Roles.Client)]
[Route("account/visits/{reference}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountVisitsController(ClientVisitService visits, MoveVisitPages pages) : Controller
{
    public const string MessageKey = "AccountMessage";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    [HttpGet("move")]
    public async Task<IActionResult> Move(string reference, [FromQuery] DateOnly? week, CancellationToken cancellationToken) =>
        await visits.ForUserAsync(UserId, reference, cancellationToken) is { } appointment
            ? View("Move", await pages.BuildAsync(appointment, week, Links(reference), null, cancellationToken))
            : NotFound();

    [HttpPost("move")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(string reference, [FromForm] MoveVisitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await pages.SubmitAsync(() => visits.ForUserAsync(UserId, reference, cancellationToken), form.Start, Links(reference), cancellationToken);
        if (result.MovedMessage is not null)
        {
            TempData[MessageKey] = result.MovedMessage;
            return Redirect("/account");
        }

        return result.Page is null ? NotFound() : View("Move", result.Page);
    }

    [HttpPost("cancel")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string reference, CancellationToken cancellationToken)
    {
        var appointment = await visits.ForUserAsync(UserId, reference, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        TempData[MessageKey] = await visits.CancelAsync(appointment, cancellationToken) switch
        {
            CancelResult.Cancelled => $"Your visit {reference} is cancelled. Thank you for letting Paul know.",
            CancelResult.TooLate => $"Visit {reference} starts in less than 24 hours, so it can no longer be cancelled online. Please phone or e-mail Paul.",
            _ => $"Visit {reference} can no longer be cancelled online. Please phone or e-mail Paul.",
        };
        return Redirect("/account");
    }

    private static MoveLinks Links(string reference) => new($"/account/visits/{reference}/move", "/account");
}
