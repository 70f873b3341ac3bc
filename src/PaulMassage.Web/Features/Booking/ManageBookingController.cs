using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Booking;

/// <summary>The client's own page for one booking, reached by the unguessable link they were given.</summary>
[AllowAnonymous]
[Route("bookings/{token}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ManageBookingController(ManageBookingService bookings) : Controller
{
    /// <summary>
    /// The path of a manage link. Built by hand, not with Url.Action: the site generates lower-case
    /// URLs, which would lower-case the (case-sensitive) token and break the link.
    /// </summary>
    public static string PathFor(string token) => "/bookings/" + Uri.EscapeDataString(token);

    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(token, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }

        return View("Manage", new ManageBookingPage
        {
            Booking = booking,
            Token = token,
            JustBooked = TempData["BookingReceived"] as string == booking.Reference,
            Message = TempData["ManageMessage"] as string,
        });
    }

    [HttpPost("cancel")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        var result = await bookings.CancelAsync(token, cancellationToken);
        if (result == CancelResult.NotFound)
        {
            return NotFound();
        }

        TempData["ManageMessage"] = result switch
        {
            CancelResult.Cancelled => "Your visit is cancelled. Thank you for letting Paul know.",
            CancelResult.TooLate => "This visit starts in less than 24 hours, so it can no longer be cancelled online. Please phone or e-mail Paul.",
            _ => "This visit can no longer be cancelled online. Please phone or e-mail Paul.",
        };
        return Redirect(PathFor(token));
    }
}

public sealed class ManageBookingPage
{
    public required ManagedBooking Booking { get; init; }

    public required string Token { get; init; }

    public bool JustBooked { get; init; }

    public string? Message { get; init; }
}
