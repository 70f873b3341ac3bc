using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Account;

public sealed record AccountVisit(
    string Reference,
    DateTimeOffset LocalStart,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    AppointmentStatus Status,
    string Postcode,
    bool MayCancel,
    bool MayMove,
    bool InsideNotice,
    int? SeriesId = null);

public sealed record ClientAccountPage(
    string Email,
    string? Name,
    IReadOnlyList<AccountVisit> Upcoming,
    IReadOnlyList<AccountVisit> Past,
    IReadOnlyList<CourseView> Courses,
    string? Message,
    IReadOnlyList<ReceiptLine>? Receipts = null);

/// <summary>The signed-in client's own page: every visit of their own records (not every booking made with their address), their plan and their chart.</summary>
public sealed class ClientAccountQuery(AppDbContext db, UserManager<AppUser> users, ClientAccounts accounts, CourseService courses, VisitPayments payments, PracticeClock clock)
{
    public async Task<ClientAccountPage?> PageAsync(string userId, string? message, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var clients = await accounts.OwnRecordsAsync(user, cancellationToken);
        var ids = clients.Select(c => c.Id).ToList();
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.ClientId))
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Reference, a.StartUtc, ServiceName = a.Service!.Name, a.DurationMinutes, a.PriceGbp, a.Status, a.Postcode, a.SeriesId })
            .ToListAsync(cancellationToken);
        var now = clock.Now;
        var visits = rows.Select(r =>
        {
            return (r.StartUtc, Visit: new AccountVisit(r.Reference, clock.ToLocal(r.StartUtc), r.ServiceName, r.DurationMinutes, r.PriceGbp, r.Status, r.Postcode,
                VisitPermissions.ClientMayCancel(r.Status, r.StartUtc, now), VisitPermissions.ClientMayMove(r.Status, r.StartUtc, now),
                VisitPermissions.ClientMustContactTherapist(r.Status, r.StartUtc, now), r.SeriesId));
        }).ToList();

        var allCourses = new List<CourseView>();
        foreach (var id in ids)
        {
            allCourses.AddRange(await courses.ForClientAsync(id, cancellationToken));
        }

        return new ClientAccountPage(
            user.Email ?? string.Empty,
            clients.Select(c => c.Name).FirstOrDefault(),
            visits.Where(v => v.StartUtc >= now.UtcDateTime && BookingStateMachine.HoldsTime(v.Visit.Status)).Select(v => v.Visit).ToList(),
            visits.Where(v => v.StartUtc < now.UtcDateTime || !BookingStateMachine.HoldsTime(v.Visit.Status)).Select(v => v.Visit).Reverse().ToList(),
            allCourses,
            message,
            await payments.ReceiptsForClientsAsync(ids, cancellationToken));
    }
}

/// <summary>The client's account page.</summary>
[Authorize(Roles = Roles.Client)]
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ClientAccountController(ClientAccountQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await query.PageAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            TempData[AccountVisitsController.MessageKey] as string, cancellationToken);
        return page is null ? Challenge() : View("Index", page);
    }
}
