using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// On a controller whose routes hold a manage-link {token}: an expired link gets the expiry page
/// (how to see the booking, and a button for a fresh link), never the booking. The services find
/// the booking through <see cref="ManageLinkAccess"/>, which reaches nothing through an expired link,
/// so a route without this attribute answers 404 rather than leak.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpiringManageLinkAttribute() : TypeFilterAttribute(typeof(ManageLinkExpiryFilter));

public sealed class ManageLinkExpiryFilter(ManageLinkAccess access) : IAsyncActionFilter
{
    public const string View = "/Features/Booking/Views/ManageLinkExpired.cshtml";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.RouteData.Values["token"] is string token && context.Controller is Controller controller
            && await access.StateAsync(token, context.HttpContext.RequestAborted) == ManageLinkState.Expired)
        {
            context.Result = controller.View(View, new ManageLinkExpiredPage(token, Sent: false));
            return;
        }

        await next();
    }
}

/// <summary>An expired manage link asks for a fresh one, sent to the booking's own address.</summary>
[AllowAnonymous]
[Route("bookings/{token}/new-link")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ManageLinkRenewalController(ManageLinkAccess access) : Controller
{
    /// <summary>The same answer whether or not the token belongs to a booking, and never the address.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Send(string token, CancellationToken cancellationToken)
    {
        await access.RenewAsync(token, cancellationToken);
        return View(ManageLinkExpiryFilter.View, new ManageLinkExpiredPage(token, Sent: true));
    }
}

/// <param name="Sent">True once a fresh link was asked for.</param>
public sealed record ManageLinkExpiredPage(string Token, bool Sent);
