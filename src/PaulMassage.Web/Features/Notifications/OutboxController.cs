using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>The back office's e-mail page: messages waiting or failed, with a retry.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/outbox")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class OutboxController(OutboxAdmin outbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Outbox", await outbox.PageAsync(TempData["OutboxMessage"] as string, cancellationToken));

    [HttpPost("{id:long}/retry")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        TempData["OutboxMessage"] = await outbox.RetryAsync(id, cancellationToken)
            ? "The e-mail is back in the queue and will be sent within a minute."
            : "That e-mail has already been sent or is no longer in the outbox.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("retry-failed")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RetryFailed(CancellationToken cancellationToken)
    {
        var count = await outbox.RetryAllFailedAsync(cancellationToken);
        TempData["OutboxMessage"] = count == 0
            ? "There were no failed e-mails to retry."
            : $"{Wording.Count(count, "e-mail")} {(count == 1 ? "is" : "are")} back in the queue.";
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>A one-line warning for the back office's front page when e-mails have failed.</summary>
public sealed class OutboxAlertViewComponent(BackOfficeAttention attention) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Notifications/Views/_OutboxAlert.cshtml", (await attention.CountsAsync(HttpContext.RequestAborted)).FailedEmails);
}
