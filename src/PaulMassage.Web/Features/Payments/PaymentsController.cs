using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The owed list, with the amounts owed.</summary>
public sealed record OwedPage(IReadOnlyList<OwedRow> Rows, PaymentMethods Accepted, string? Message);

public sealed class SettleForm
{
    public PaymentMethods Method { get; set; }
}

/// <summary>The therapist's side of payments: what is owed (and recording it paid), receipts, the payment settings.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/payments")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PaymentsController(VisitPayments payments, PaymentTerms terms, Receipts receipts) : Controller
{
    private const string MessageKey = "PaymentsMessage";

    [HttpGet("owed")]
    public async Task<IActionResult> Owed(CancellationToken cancellationToken) =>
        View("Owed", new OwedPage(await payments.OwedAsync(cancellationToken: cancellationToken), (await terms.SettingsAsync(cancellationToken)).AcceptedMethods, TempData[MessageKey] as string));

    /// <summary>An owed amount came in: it is paid, with a receipt number.</summary>
    [HttpPost("owed/{id:int}/paid")]
    public async Task<IActionResult> Paid(int id, [FromForm] SettleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (outcome, number) = await payments.SettleAsync(id, form.Method, cancellationToken);
        TempData[MessageKey] = outcome switch
        {
            SettleOutcome.Settled => $"Recorded as paid by {PaymentRules.Name(form.Method)}: receipt {PaymentRules.ReceiptLabel(number!.Value)}.",
            SettleOutcome.AlreadyPaid => "That amount had already been recorded as paid; nothing changed.",
            SettleOutcome.MethodNotAccepted => "Choose how it was paid, from your accepted methods; nothing changed.",
            _ => "There is no such amount owed.",
        };
        return RedirectToAction(nameof(Owed));
    }

    [HttpGet("receipts/{number:int}")]
    public async Task<IActionResult> Receipt(int number, CancellationToken cancellationToken) =>
        await receipts.ForTherapistAsync(number, cancellationToken) is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();

    [HttpGet("/admin/settings/payments")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View("Settings", PaymentSettingsForm.From(await terms.SettingsAsync(cancellationToken)));

    [HttpPost("/admin/settings/payments")]
    public async Task<IActionResult> Settings([FromForm] PaymentSettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (settings, errors) = form.Read();
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid || settings is null)
        {
            return View("Settings", form);
        }

        await terms.SaveAsync(settings, cancellationToken);
        TempData[PaulMassage.Web.Features.Settings.SettingsController.MessageKey] = "Payment settings saved. The site and new e-mails show them at once.";
        return Redirect("/admin/settings");
    }
}

/// <summary>A client's receipts: from their account (their own records only) or from a booking's live manage link.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ClientReceiptsController(Receipts receipts) : Controller
{
    [Authorize(Roles = Roles.Client)]
    [HttpGet("account/receipts/{number:int}")]
    public async Task<IActionResult> Account(int number, CancellationToken cancellationToken) =>
        await receipts.ForAccountAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, number, cancellationToken) is { } file
            ? File(file.Pdf, "application/pdf", file.FileName)
            : NotFound();

    [AllowAnonymous]
    [ExpiringManageLink]
    [HttpGet("bookings/{token}/receipt")]
    public async Task<IActionResult> ManageLink(string token, CancellationToken cancellationToken) =>
        await receipts.ForManageLinkAsync(token, cancellationToken) is { } file
            ? File(file.Pdf, "application/pdf", file.FileName)
            : NotFound();
}
