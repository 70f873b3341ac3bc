using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.Web.Features.Admin;

/// <summary>The therapist's back office. Everything here needs the Therapist role.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AdminController(RequestsQuery requests) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await requests.OpenRequestsAsync(cancellationToken));
}
