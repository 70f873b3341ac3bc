using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The voucher list: codes, what each is worth now, expiry and uses.</summary>
public sealed record VouchersPage(IReadOnlyList<VoucherRow> Rows, string? Message, int? IssuedId);

/// <summary>The new-voucher form with the treatments it can name.</summary>
public sealed record NewVoucherPage(VoucherForm Form, IReadOnlyList<ServiceSummary> Services);

/// <summary>Gift vouchers in the back office: the list, issuing one, its printable PDF. The therapist only.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/vouchers")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class VouchersController(Vouchers vouchers, CatalogueService catalogue, PracticeClock clock) : Controller
{
    private const string MessageKey = "VouchersMessage";
    private const string IssuedKey = "VoucherIssued";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Vouchers", new VouchersPage(await vouchers.ListAsync(cancellationToken), TempData[MessageKey] as string, TempData[IssuedKey] as int?));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("NewVoucher", new NewVoucherPage(new VoucherForm { ExpiresOn = clock.Today.AddMonths(12) }, await catalogue.ActiveServicesAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] VoucherForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var services = await catalogue.ActiveServicesAsync(cancellationToken);
        var (terms, errors) = form.Read(services, clock.Today);
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid || terms is null)
        {
            return View("NewVoucher", new NewVoucherPage(form, services));
        }

        var voucher = await vouchers.IssueAsync(terms, cancellationToken);
        TempData[MessageKey] = $"Voucher {voucher.Code} issued. Print it or send the PDF to the buyer.";
        TempData[IssuedKey] = voucher.Id;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/voucher.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken) =>
        await vouchers.PdfAsync(id, cancellationToken) is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();
}
