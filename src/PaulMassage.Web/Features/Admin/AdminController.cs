using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>A change to one visit, posted with the version the page showed, so a stale page cannot win.</summary>
public class VisitChangeForm
{
    public Guid Version { get; set; }

    /// <summary>Where to go back to (a back-office page); the request page when empty.</summary>
    public string? ReturnUrl { get; set; }
}

public sealed class DeclineForm : VisitChangeForm
{
    [Required(ErrorMessage = "Give the client a reason; they will see it on their booking page.")]
    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "Reason the client will see")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

public sealed class ProposeForm : VisitChangeForm
{
    [Required(ErrorMessage = "Choose one of the free times.")]
    public DateTime? Start { get; set; }
}

/// <summary>Paul calls off a confirmed visit; the message is optional and goes to the client.</summary>
public sealed class CancelVisitForm : VisitChangeForm
{
    [StringLength(1000, ErrorMessage = "Keep the message under 1,000 characters.")]
    [Display(Name = "Message to the client (optional)")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

/// <summary>Finishing a visit in one pass: the payment (amount as typed, paid by a method or owed) and the treatment note.</summary>
public sealed class FinishVisitForm : VisitChangeForm
{
    [Display(Name = "Amount (£)")]
    public string? Amount { get; set; }

    /// <summary>"paid" or "owed".</summary>
    public string? Payment { get; set; }

    public PaymentMethods Method { get; set; }

    /// <summary>"buy" (the client buys the course package now, this visit its first), "draw" (a visit of the client's package) or empty.</summary>
    public string? Package { get; set; }

    /// <summary>A gift voucher's code, as typed (filled in when the client gave one at booking).</summary>
    [Display(Name = "Gift voucher code")]
    public string? VoucherCode { get; set; }

    public TreatmentNoteForm Note { get; set; } = new();

    public bool Owed => Payment == "owed";
}

/// <summary>The finish-a-visit page: the visit, its form and the methods the practice accepts.</summary>
public sealed class FinishPage
{
    public required RequestDetail Detail { get; init; }

    public required FinishVisitForm Form { get; init; }

    public required PaymentMethods Accepted { get; init; }

    public required bool NoteExists { get; init; }

    /// <summary>The client's open course package for this treatment, or the one on offer; null when neither.</summary>
    public PackageChoice? Package { get; init; }
}

public sealed class RequestPage
{
    public required RequestDetail Detail { get; init; }

    /// <summary>The free times of one day, to propose (a request) or to move to (a confirmed visit).</summary>
    public ProposalDay? Proposal { get; init; }

    public string? DeclineReason { get; init; }

    /// <summary>For a booking with a provisional client record: the address's own record to link it to, if any.</summary>
    public AddressMatch? AddressMatch { get; init; }

    /// <summary>What this client record owes for other visits (fees for missed visits, unpaid visits).</summary>
    public IReadOnlyList<OwedRow> Owed { get; init; } = [];

    /// <summary>For a provisional record: what the address's own record owes (the booker may not be that client).</summary>
    public decimal AddressRecordOwes { get; init; }

    /// <summary>The visit's own payment, once recorded.</summary>
    public Payment? Payment { get; init; }
}

/// <summary>Paul links a booking's provisional record: to the address's record (keeping the details he chose), or makes it the address's record.</summary>
public sealed class LinkClientForm
{
    public int? AddressRecordId { get; set; }

    public bool NameFromBooking { get; set; }

    public bool PhoneFromBooking { get; set; }
}

/// <summary>The therapist's back office: requests and the changes he makes to visits. Everything here needs the Therapist role.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AdminController(RequestsQuery requests, AppointmentActions actions, ClientIdentities clients, AvailabilityService availability, VisitPayments payments, PaymentTerms terms, TreatmentNotes notes, Vouchers vouchers, Packages packages, PracticeClock clock) : Controller
{
    public const string MessageKey = "AdminMessage";
    public const string MessageKindKey = "AdminMessageKind";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await requests.OpenRequestsAsync(cancellationToken));

    [HttpGet("requests/{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromQuery] DateOnly? day, CancellationToken cancellationToken)
    {
        var page = await RequestPageAsync(id, day, null, cancellationToken);
        return page is null ? NotFound() : View("Request", page);
    }

    [HttpPost("requests/{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, [FromForm] VisitChangeForm form, CancellationToken cancellationToken) =>
        Finish(id, form, await actions.ConfirmAsync(id, form.Version, Actor, cancellationToken));

    [HttpPost("requests/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, [FromForm] DeclineForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            var page = await RequestPageAsync(id, null, form.Reason, cancellationToken);
            return page is null ? NotFound() : View("Request", page);
        }

        return Finish(id, form, await actions.DeclineAsync(id, form.Version, form.Reason!, Actor, cancellationToken));
    }

    [HttpPost("requests/{id:int}/propose")]
    public async Task<IActionResult> Propose(int id, [FromForm] ProposeForm form, [FromQuery] DateOnly? day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.Start is not DateTime start)
        {
            var page = await RequestPageAsync(id, day, null, cancellationToken);
            return page is null ? NotFound() : View("Request", page);
        }

        return Finish(id, form, await actions.ProposeTimeAsync(id, form.Version, FormTime.AsUtc(start)!.Value, Actor, cancellationToken));
    }

    /// <summary>Paul decides whether a booking made without signing in joins the address's client record.</summary>
    [HttpPost("requests/{id:int}/link-client")]
    public async Task<IActionResult> LinkClient(int id, [FromForm] LinkClientForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var detail = await requests.DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        var outcome = await clients.LinkAsync(detail.ClientId, form.AddressRecordId, new KeepDetails(form.NameFromBooking, form.PhoneFromBooking), cancellationToken);
        TempData[MessageKey] = outcome switch
        {
            LinkOutcome.Linked => $"{detail.Reference} is now on the client's record.",
            LinkOutcome.Adopted => $"{detail.ClientEmail} now has this as its client record.",
            _ => "Nothing was linked: the client records changed since you opened the page. Check them below.",
        };
        TempData[MessageKindKey] = outcome is LinkOutcome.Linked or LinkOutcome.Adopted ? "success" : "warning";
        return RedirectToAction(nameof(Detail), new { id });
    }

    /// <summary>Paul moves a confirmed visit to a time agreed with the client.</summary>
    [HttpPost("visits/{id:int}/move")]
    public async Task<IActionResult> Move(int id, [FromForm] ProposeForm form, [FromQuery] DateOnly? day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.Start is not DateTime start)
        {
            var page = await RequestPageAsync(id, day, null, cancellationToken);
            return page is null ? NotFound() : View("Request", page);
        }

        return Finish(id, form, await actions.MoveAsync(id, form.Version, FormTime.AsUtc(start)!.Value, Actor, cancellationToken));
    }

    /// <summary>Paul calls off a confirmed visit.</summary>
    [HttpPost("visits/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, [FromForm] CancelVisitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            var page = await RequestPageAsync(id, null, form.Reason, cancellationToken);
            return page is null ? NotFound() : View("Request", page);
        }

        return Finish(id, form, await actions.CancelAsync(id, form.Version, form.Reason, Actor, cancellationToken));
    }

    /// <summary>The finish-a-visit page: outcome, payment and treatment note in one form, for the phone.</summary>
    [HttpGet("visits/{id:int}/complete")]
    public async Task<IActionResult> Complete(int id, [FromQuery] string? returnUrl, CancellationToken cancellationToken)
    {
        var detail = await requests.DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (!detail.CanRecordOutcome)
        {
            return RedirectToAction(nameof(Detail), new { id });
        }

        var form = new FinishVisitForm
        {
            Version = detail.Version,
            ReturnUrl = returnUrl,
            Amount = detail.PriceGbp.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            Payment = "paid",
            VoucherCode = (await vouchers.HeldAsync(id, cancellationToken))?.Code,
            Package = (await packages.ForVisitAsync(id, cancellationToken))?.CanDraw == true ? "draw" : null,
            Note = await notes.FormAsync(id, await requests.IntakeAsync(id, cancellationToken), cancellationToken),
        };
        return View("Finish", await FinishPageAsync(detail, form, cancellationToken));
    }

    [HttpPost("visits/{id:int}/complete")]
    public async Task<IActionResult> Complete(int id, [FromForm] FinishVisitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var detail = await requests.DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        // A course package sets the amount: its price when bought now, nothing when drawn on.
        var package = await packages.ForVisitAsync(id, cancellationToken);
        var (amount, amountError) = form.Package switch
        {
            "draw" when package?.CanDraw == true => (0m, null),
            "buy" when package?.Offer is { } offer => (offer.PriceGbp, null),
            _ => PaymentRules.ParseAmount(form.Amount),
        };
        if (amountError is not null)
        {
            ModelState.AddModelError(nameof(FinishVisitForm.Amount), amountError);
        }

        // A voucher that pays it all leaves nothing to pay by a method.
        var byVoucher = 0m;
        if (!string.IsNullOrWhiteSpace(form.VoucherCode))
        {
            var voucher = await vouchers.CheckForVisitAsync(form.VoucherCode, id, cancellationToken);
            if (voucher.Message is not null)
            {
                ModelState.AddModelError(nameof(FinishVisitForm.VoucherCode), voucher.Message);
            }
            else if (amount is decimal due)
            {
                byVoucher = VoucherRules.Covers(voucher.State!, due);
            }
        }

        var settings = await terms.SettingsAsync(cancellationToken);
        var settledOtherwise = byVoucher > 0 || (form.Package == "draw" && package?.CanDraw == true);
        var leftToPay = !settledOtherwise || (amount is decimal total && total > byVoucher);
        ModelState.AddFieldErrors(PaymentRules.CheckVisitPayment(!form.Owed && leftToPay, form.Method, settings.AcceptedMethods));

        // A visit that cannot be finished (not started, not confirmed, changed) gets the reason, not the form's errors.
        if (!ModelState.IsValid && detail.CanRecordOutcome && detail.Version == form.Version)
        {
            return View("Finish", await FinishPageAsync(detail, form, cancellationToken));
        }

        var finish = new VisitFinish(amount ?? 0m, form.Owed ? PaymentMethods.None : form.Method, form.Note, form.VoucherCode, form.Package);
        return Finish(id, form, await actions.FinishAsync(id, form.Version, finish, Actor, cancellationToken));
    }

    [HttpPost("visits/{id:int}/no-show")]
    public async Task<IActionResult> NoShow(int id, [FromForm] VisitChangeForm form, CancellationToken cancellationToken) =>
        Finish(id, form, await actions.MarkNoShowAsync(id, form.Version, Actor, cancellationToken));

    /// <summary>The client called off inside the notice period (by phone, or at the door): Paul records it.</summary>
    [HttpPost("visits/{id:int}/cancelled-late")]
    public async Task<IActionResult> CancelledLate(int id, [FromForm] VisitChangeForm form, CancellationToken cancellationToken) =>
        Finish(id, form, await actions.RecordLateCancellationAsync(id, form.Version, Actor, cancellationToken));

    private async Task<FinishPage> FinishPageAsync(RequestDetail detail, FinishVisitForm form, CancellationToken cancellationToken) => new()
    {
        Detail = detail,
        Form = form,
        Accepted = (await terms.SettingsAsync(cancellationToken)).AcceptedMethods,
        NoteExists = await notes.ExistsAsync(detail.Id, cancellationToken),
        Package = await packages.ForVisitAsync(detail.Id, cancellationToken),
    };

    private string Actor => User.Identity?.Name ?? Roles.Therapist;

    private IActionResult Finish(int id, VisitChangeForm form, ActionOutcome outcome)
    {
        if (outcome.Kind == ActionOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[MessageKey] = outcome.Message;
        TempData[MessageKindKey] = outcome.Succeeded ? "success" : "warning";
        return form.ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) && back.StartsWith("/admin", StringComparison.Ordinal)
            ? LocalRedirect(back)
            : RedirectToAction(nameof(Detail), new { id });
    }

    private async Task<RequestPage?> RequestPageAsync(int id, DateOnly? day, string? declineReason, CancellationToken cancellationToken)
    {
        var detail = await requests.DetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        ProposalDay? proposal = null;
        if (detail.CanPropose || detail.CanMove)
        {
            var today = clock.Today;
            var chosen = day is DateOnly d && d >= today ? d : RequestsQuery.DefaultProposalDay(detail, today);
            // A move may take a time next to (or overlapping) the visit's own: its own time does not count.
            var slots = await availability.FreeSlotsAsync(detail.DurationMinutes, chosen, 1, detail.CanMove ? detail.Id : null, detail.Postcode, cancellationToken);
            proposal = new ProposalDay(chosen, slots, chosen > today ? chosen.AddDays(-1) : null, chosen.AddDays(1));
        }

        var match = detail.Standing.Provisional ? await clients.MatchAsync(detail.ClientId, cancellationToken) : null;
        var owed = await payments.OwedAsync(detail.ClientId, cancellationToken);
        var addressRecordOwes = match?.AddressRecordId is int addressRecord
            ? (await payments.OwedAsync(addressRecord, cancellationToken)).Sum(o => o.AmountGbp)
            : 0m;

        return new RequestPage
        {
            Detail = detail,
            Proposal = proposal,
            DeclineReason = declineReason,
            AddressMatch = match,
            Owed = owed.Where(o => o.AppointmentId != detail.Id).ToList(),
            AddressRecordOwes = addressRecordOwes,
            Payment = await payments.ForVisitAsync(detail.Id, cancellationToken),
        };
    }
}

/// <summary>The completed / no-show buttons for one visit; <paramref name="ReturnUrl"/> is where to come back to.</summary>
public sealed record OutcomeButtons(int Id, Guid Version, string? ReturnUrl);
