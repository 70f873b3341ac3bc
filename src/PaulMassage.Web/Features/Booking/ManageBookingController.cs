using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.ClientVisits;

namespace PaulMassage.Web.Features.Booking;

/// <summary>The client's own page for one booking, reached by the unguessable link they were given.</summary>
[AllowAnonymous]
[ExpiringManageLink]
[Route("bookings/{token}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ManageBookingController(ClientVisitService bookings, ManageLinks links) : Controller
{
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
            ManageUrl = links.UrlFor(token),
            JustBooked = TempData["BookingReceived"] as string == booking.Reference,
            AddressCheckSent = TempData["AddressCheckSent"] is true,
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
            CancelResult.Conflict => "Paul changed this visit at the same moment, so it was not cancelled. Please check it below and try again if you still need to.",
            _ => "This visit can no longer be cancelled online. Please phone or e-mail Paul.",
        };
        return LocalRedirect(ManageToken.ManagePath(token));
    }

    [HttpPost("accept-proposed-time")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> AcceptProposedTime(string token, CancellationToken cancellationToken) =>
        AnswerAsync(token, bookings.AcceptProposedTimeAsync, cancellationToken);

    [HttpPost("reject-proposed-time")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> RejectProposedTime(string token, CancellationToken cancellationToken) =>
        AnswerAsync(token, bookings.RejectProposedTimeAsync, cancellationToken);

    private async Task<IActionResult> AnswerAsync(string token, Func<string, CancellationToken, Task<ProposalAnswerResult>> answer, CancellationToken cancellationToken)
    {
        var result = await answer(token, cancellationToken);
        if (result == ProposalAnswerResult.NotFound)
        {
            return NotFound();
        }

        TempData["ManageMessage"] = result switch
        {
            ProposalAnswerResult.Accepted => "Thank you: your visit is confirmed at the new time.",
            ProposalAnswerResult.Rejected => "You turned down the new time, so this request is closed. You are welcome to book another time.",
            ProposalAnswerResult.TooLate => "The time Paul suggested has already passed. Please book another time or contact Paul.",
            ProposalAnswerResult.Conflict => "Paul changed this visit at the same moment, so your answer was not saved. Please check it below.",
            _ => "There is no other time waiting for your answer on this visit.",
        };
        return LocalRedirect(ManageToken.ManagePath(token));
    }
}

public sealed class ManageBookingPage
{
    public required ManagedBooking Booking { get; init; }

    public required string Token { get; init; }

    /// <summary>The page's own address at the site's public base URL, as the e-mails give it.</summary>
    public required string ManageUrl { get; init; }

    public bool JustBooked { get; init; }

    /// <summary>The booking was made without signing in, so its e-mail also asks the address's owner to confirm it.</summary>
    public bool AddressCheckSent { get; init; }

    public string? Message { get; init; }
}
