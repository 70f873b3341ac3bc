using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;

namespace PaulMassage.Web.Features.Plans;

/// <summary>"My plan" in the client's account: the latest version, the course with its chart, the earlier versions.</summary>
public sealed record MyPlanPage(PlanView? Latest, IReadOnlyList<PlanView> Earlier, CourseView? Course);

/// <summary>The plan given at one booking's visit, through that booking's own link: nothing of other visits, no course chart.</summary>
public sealed record VisitPlanPage(string Token, string Reference, DateTimeOffset VisitLocal, PlanView? Plan);

/// <summary>The client reads their plan: in their account, or through the link in the after-visit e-mail.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ClientPlanController(CarePlans plans, CourseService courses, ClientAccounts accounts, ManageLinkAccess links, Infrastructure.Time.PracticeClock clock) : Controller
{
    [Authorize(Roles = Roles.Client)]
    [HttpGet("account/plan")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var records = await accounts.OwnRecordsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, cancellationToken);
        var versions = await plans.ForClientsAsync(records.Select(r => r.Id).ToList(), cancellationToken);
        var latest = versions.Count > 0 ? versions[0] : null;
        var course = latest is null ? null : (await courses.ForClientAsync(latest.ClientId, cancellationToken)).FirstOrDefault(c => c.IsCurrent);
        return View("MyPlan", new MyPlanPage(latest, versions.Skip(1).ToList(), course));
    }

    [AllowAnonymous]
    [ExpiringManageLink]
    [HttpGet("bookings/{token}/plan")]
    public async Task<IActionResult> ForBooking(string token, CancellationToken cancellationToken)
    {
        var visit = await links.FindAsync(token, q => q.AsNoTracking(), cancellationToken);
        if (visit is null)
        {
            return NotFound();
        }

        return View("VisitPlan", new VisitPlanPage(token, visit.Reference, clock.ToLocal(visit.StartUtc), await plans.ForVisitAsync(visit.Id, cancellationToken)));
    }
}
