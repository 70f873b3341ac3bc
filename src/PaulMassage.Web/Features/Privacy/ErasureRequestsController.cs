using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>The therapist's list of erasure requests; completing one anonymises the client.</summary>
[Route("admin/erasure-requests")]
public sealed class ErasureRequestsController(PrivacyService privacy) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("ErasureRequests", new ErasureRequestsPage(await privacy.RequestsAsync(cancellationToken), TempData["ErasureMessage"] as string));

    [HttpPost("{id:int}/complete")]
    public async Task<IActionResult> Complete(int id, CancellationToken cancellationToken)
    {
        var therapist = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "therapist";
        TempData["ErasureMessage"] = await privacy.CompleteRequestAsync(id, therapist, cancellationToken)
            ? "Done: the client's personal and health data is erased; their visits remain as anonymous history."
            : "That request was already completed or no longer exists.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record ErasureRequestsPage(IReadOnlyList<ErasureRequestRow> Requests, string? Message);
