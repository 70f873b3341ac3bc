using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Admin;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>The therapist's week, his day on the road, and the address of his iCal feed.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CalendarController(CalendarQuery calendar, CalendarFeedService feed, OnMyWay onMyWay) : Controller
{
    private const string NewFeedTokenKey = "NewFeedToken";

    [HttpGet("calendar")]
    public async Task<IActionResult> Week([FromQuery] DateOnly? week, CancellationToken cancellationToken)
    {
        var token = TempData[NewFeedTokenKey] as string;
        return View("Week", new CalendarPage
        {
            Week = await calendar.WeekAsync(week, cancellationToken),
            FeedCreated = await feed.CreatedAsync(cancellationToken),
            NewFeedUrl = token is null ? null : $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics",
        });
    }

    [HttpPost("calendar/feed")]
    public async Task<IActionResult> RegenerateFeed(CancellationToken cancellationToken)
    {
        TempData[NewFeedTokenKey] = await feed.RegenerateAsync(cancellationToken);
        TempData[AdminController.MessageKey] = "Your calendar has a new address. Any old address has stopped working.";
        TempData[AdminController.MessageKindKey] = "success";
        return Redirect("/admin/calendar#feed");
    }

    [HttpGet("day")]
    public async Task<IActionResult> Day([FromQuery] DateOnly? date, CancellationToken cancellationToken) =>
        View("Day", await calendar.DayAsync(date, cancellationToken));

    /// <summary>"I'm on my way": e-mails the client the time Paul expects to arrive, then back to the agenda.</summary>
    [HttpPost("day/{id:int}/on-my-way")]
    public async Task<IActionResult> AnnounceArrival(int id, [FromForm] int minutes, [FromForm] DateOnly? date, CancellationToken cancellationToken)
    {
        var (result, arrival) = await onMyWay.SendAsync(id, minutes, cancellationToken);
        if (result == OnMyWayResult.NotFound)
        {
            return NotFound();
        }

        TempData[AdminController.MessageKey] = result == OnMyWayResult.Sent
            ? $"The client has been told you will arrive at about {arrival:HH:mm}."
            : "\"On my way\" is for a confirmed visit starting within the next 12 hours; nothing was sent.";
        TempData[AdminController.MessageKindKey] = result == OnMyWayResult.Sent ? "success" : "warning";
        return Redirect($"/admin/day{(date is DateOnly day ? "?date=" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null)}#agenda-visit-{id}");
    }
}

/// <summary>The iCal feed a phone subscribes to. The unguessable token in the address is the only key.</summary>
[AllowAnonymous]
public sealed class CalendarFeedController(CalendarFeedService feed) : Controller
{
    [HttpGet("/calendar/{token}.ics")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken)
    {
        var ics = await feed.FeedAsync(token, new Uri($"{Request.Scheme}://{Request.Host}/"), cancellationToken);
        if (ics is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        return Content(ics, "text/calendar; charset=utf-8");
    }
}
