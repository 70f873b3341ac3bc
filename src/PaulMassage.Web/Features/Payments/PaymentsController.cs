using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The owed list, with the amounts owed.</summary>
public sealed record OwedPage(IReadOnlyList<OwedRow> Rows, PaymentMethods Accepted, string? Message);

/// <summary>The credit-note form for one receipt, with the notes already issued against it.</summary>
public sealed record CreditNotePage(CreditableReceipt Receipt, CreditNoteForm Form, string? Message);

/// <summary>The package prices form, with the treatments it lists.</summary>
public sealed record PackagesPage(PackagesForm Form, IReadOnlyList<PaulMassage.Web.Features.Catalogue.ServiceSummary> Services);

public sealed class SettleForm
{
    public PaymentMethods Method { get; set; }
}

/// <summary>The therapist's side of payments: what is owed (and recording it paid), receipts, the payment settings.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/payments")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PaymentsController(VisitPayments payments, PaymentTerms terms, Receipts receipts, Packages packages, CreditNotes creditNotes, PaulMassage.Web.Features.Catalogue.CatalogueService catalogue) : Controller
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

    /// <summary>A refund or correction of a receipt: the receipt stays as issued, a credit note names it.</summary>
    [HttpGet("receipts/{number:int}/credit-note")]
    public async Task<IActionResult> CreditNote(int number, CancellationToken cancellationToken) =>
        await creditNotes.ReceiptAsync(number, cancellationToken) is { } receipt
            ? View("CreditNote", new CreditNotePage(receipt, new CreditNoteForm(), TempData[MessageKey] as string))
            : NotFound();

    [HttpPost("receipts/{number:int}/credit-note")]
    public async Task<IActionResult> CreditNote(int number, [FromForm] CreditNoteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var receipt = await creditNotes.ReceiptAsync(number, cancellationToken);
        if (receipt is null)
        {
            return NotFound();
        }

        var (issued, errors) = await creditNotes.IssueAsync(number, form, cancellationToken);
        ModelState.AddFieldErrors(errors);
        if (issued is null || !ModelState.IsValid)
        {
            return View("CreditNote", new CreditNotePage(receipt, form, null));
        }

        TempData[MessageKey] = $"Credit note {PaymentRules.CreditNoteLabel(issued.Value)} issued against receipt {PaymentRules.ReceiptLabel(number)}.";
        return RedirectToAction(nameof(CreditNote), new { number });
    }

    [HttpGet("/admin/settings/packages")]
    public async Task<IActionResult> PackagePrices(CancellationToken cancellationToken)
    {
        var services = await catalogue.ActiveServicesAsync(cancellationToken);
        return View("Packages", new PackagesPage(PackagesForm.From(services, await packages.PricesAsync(cancellationToken)), services));
    }

    [HttpPost("/admin/settings/packages")]
    public async Task<IActionResult> PackagePrices([FromForm] PackagesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var services = await catalogue.ActiveServicesAsync(cancellationToken);
        form.Rows = form.Rows.Where(r => services.Any(s => s.Id == r.ServiceId && s.Options.Any(o => o.Minutes == r.Minutes))).ToList();
        var (offers, errors) = form.Read(services);
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid)
        {
            return View("Packages", new PackagesPage(form, services));
        }

        await packages.SaveAsync(offers, cancellationToken);
        TempData[PaulMassage.Web.Features.Settings.SettingsController.MessageKey] = "Package prices saved. The treatment pages show them at once.";
        return Redirect("/admin/settings");
    }

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
