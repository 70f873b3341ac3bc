using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Plans;

/// <summary>Paul makes the client's plan after a visit, on his phone: from the visit, the day agenda or the client's record.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/visits/{id:int}/plan")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PlansController(CarePlans plans) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, [FromQuery] string? returnUrl, CancellationToken cancellationToken)
    {
        var page = await plans.EditPageAsync(id, cancellationToken: cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        page.Form.ReturnUrl = returnUrl;
        return View("Edit", page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(int id, [FromForm] PlanForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var (outcome, errors, clientId) = await plans.SaveAsync(id, form, cancellationToken);
            switch (outcome)
            {
                case PlanSaveOutcome.NotFound:
                    return NotFound();
                case PlanSaveOutcome.Saved:
                    TempData[AdminController.MessageKey] = "Plan saved. The client sees it in their account and through the link in their after-visit e-mail.";
                    TempData[AdminController.MessageKindKey] = "success";
                    return form.ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) && back.StartsWith("/admin", StringComparison.Ordinal)
                        ? LocalRedirect(back)
                        : Redirect($"/admin/clients/{clientId}#plans");
                case PlanSaveOutcome.NotYet:
                    ModelState.AddModelError(CarePlanRules.PlanField, "A plan can be given once the visit has started and is confirmed, or is completed.");
                    break;
                default:
                    ModelState.AddFieldErrors(errors);
                    break;
            }
        }

        var page = await plans.EditPageAsync(id, form, cancellationToken);
        return page is null ? NotFound() : View("Edit", page);
    }
}
