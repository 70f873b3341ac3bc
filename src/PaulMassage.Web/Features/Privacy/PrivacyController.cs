using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// A client's copy of their data and their request for erasure: through a booking's manage link
/// (that booking's data), or from their account when signed in (everything).
/// </summary>
public sealed class PrivacyController(PrivacyService privacy) : Controller
{
    internal static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [AllowAnonymous]
    [ExpiringManageLink]
    [HttpGet("/bookings/{token}/my-data")]
    [GetOnly]
    public async Task<IActionResult> BookingData(string token, CancellationToken cancellationToken)
    {
        var export = await privacy.ExportForBookingAsync(token, cancellationToken);
        return export is null ? NotFound() : JsonDownload(export, export.Appointments[0].Reference);
    }

    [AllowAnonymous]
    [ExpiringManageLink]
    [HttpPost("/bookings/{token}/erasure")]
    public async Task<IActionResult> BookingErasure(string token, CancellationToken cancellationToken)
    {
        var result = await privacy.RequestErasureForBookingAsync(token, cancellationToken);
        if (result == ErasureAsk.NotFound)
        {
            return NotFound();
        }

        TempData["ManageMessage"] = result == ErasureAsk.Recorded
            ? "Your request to erase your data is with Paul (this visit's data: the link reaches this visit only). He will check it is really you (by e-mail or phone) and confirm when it is done, within a month."
            : "You have already asked for your data to be erased; Paul will confirm when it is done.";
        return RedirectToAction(nameof(ManageBookingController.Show), "ManageBooking", new { token });
    }

    [HttpGet("/account/privacy")]
    public async Task<IActionResult> Account(CancellationToken cancellationToken) =>
        View("Account", new AccountPrivacyPage(await privacy.HasOpenRequestForUserAsync(UserId, cancellationToken), TempData["PrivacyMessage"] as string));

    [HttpGet("/account/privacy/my-data")]
    [GetOnly]
    public async Task<IActionResult> AccountData(CancellationToken cancellationToken) =>
        JsonDownload(await privacy.ExportForUserAsync(UserId, cancellationToken), "account");

    [HttpPost("/account/privacy/erasure")]
    public async Task<IActionResult> AccountErasure(CancellationToken cancellationToken)
    {
        TempData["PrivacyMessage"] = await privacy.RequestErasureForUserAsync(UserId, cancellationToken) switch
        {
            ErasureAsk.Recorded => "Your request is with Paul. He will confirm by e-mail when your data has been erased, within a month.",
            ErasureAsk.AlreadyAsked => "You have already asked; Paul will confirm when it is done.",
            _ => "There are no bookings linked to this account, so there is nothing of yours to erase apart from the account itself. Please contact Paul to close it.",
        };
        return RedirectToAction(nameof(Account));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    private FileContentResult JsonDownload(PersonalDataExport export, string name) =>
        File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json; charset=utf-8", $"paulmassage-my-data-{name}.json");
}

public sealed record AccountPrivacyPage(bool ErasureRequested, string? Message);
