using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Settings;

/// <summary>When and where the therapist works: hours, booking rules, area served and time off.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/settings")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SettingsController(SchedulingEditor editor) : Controller
{
    public const string MessageKey = "SettingsMessage";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await editor.OverviewAsync(TempData[MessageKey] as string, cancellationToken));

    [HttpGet("hours")]
    public async Task<IActionResult> Hours(CancellationToken cancellationToken) =>
        View("Hours", await editor.HoursAsync(cancellationToken));

    [HttpPost("hours")]
    public async Task<IActionResult> Hours([FromForm] WeeklyHoursForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (periods, errors) = WeeklyHoursRules.Validate(form.Days.Select(d => new DayHoursInput(d.Day, d.IsOpen, d.Opens, d.Closes)).ToList());
        if (form.Days.Count != SchedulingEditor.Week.Length || form.Days.Any(d => !Enum.IsDefined(d.Day)))
        {
            ModelState.AddModelError("Days", "The form did not send all seven days. Please reload the page and try again.");
        }

        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid)
        {
            return View("Hours", form);
        }

        await editor.SaveHoursAsync(periods, cancellationToken);
        TempData[MessageKey] = "Working hours saved. Clients see the new times at once.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("booking-rules")]
    public async Task<IActionResult> BookingRules(CancellationToken cancellationToken) =>
        View("BookingRules", await editor.RulesAsync(cancellationToken));

    [HttpPost("booking-rules")]
    public async Task<IActionResult> BookingRules([FromForm] BookingRulesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.AddFieldErrors(BookingRulesValidator.Validate(form.TravelBufferMinutes, form.MinimumNoticeHours, form.BookingHorizonDays));
        if (!ModelState.IsValid)
        {
            return View("BookingRules", form);
        }

        await editor.SaveRulesAsync(form.TravelBufferMinutes!.Value, form.MinimumNoticeHours!.Value, form.BookingHorizonDays!.Value, cancellationToken);
        TempData[MessageKey] = "Booking rules saved.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("area")]
    public async Task<IActionResult> Area(CancellationToken cancellationToken) =>
        View("Area", await editor.AreaAsync(cancellationToken));

    [HttpPost("area")]
    public async Task<IActionResult> Area([FromForm] ServedAreaForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (districts, errors) = ServedAreaRules.Validate(form.Districts);
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid)
        {
            return View("Area", form);
        }

        await editor.SaveAreaAsync(districts, cancellationToken);
        TempData[MessageKey] = $"Area saved: {Wording.Count(districts.Count, "postcode district")}.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("travel")]
    public async Task<IActionResult> Travel(CancellationToken cancellationToken)
    {
        ViewData[MessageKey] = TempData[MessageKey] as string;
        return View("Travel", TravelForm.From(await editor.TravelAsync(cancellationToken)));
    }

    [HttpPost("travel")]
    public async Task<IActionResult> Travel([FromForm] TravelForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.FlatBufferMinutes = (await editor.TravelAsync(cancellationToken)).FlatBufferMinutes;
        var (travel, errors) = TravelRules.Validate(new TravelInput(form.HomeDistrict, form.Zones, form.Shown, form.Minutes), form.FlatBufferMinutes);
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid || travel is null)
        {
            return View("Travel", form);
        }

        await editor.SaveTravelAsync(travel, cancellationToken);
        var added = travel.Zones.Select(z => z.Name).Except(form.Shown, StringComparer.Ordinal).ToList();
        TempData[MessageKey] = added.Count == 0
            ? "Travel saved. Free times allow for the new drives at once."
            : $"Travel saved. The drives to and from {string.Join(" and ", added)} start at {form.FlatBufferMinutes} minutes: check them in the table below.";
        return RedirectToAction(nameof(Travel));
    }

    [HttpGet("time-off")]
    public async Task<IActionResult> TimeOff(CancellationToken cancellationToken) =>
        View("TimeOff", new TimeOffPage
        {
            Form = new TimeOffForm(),
            Upcoming = await editor.UpcomingTimeOffAsync(cancellationToken),
            Message = TempData[MessageKey] as string,
        });

    [HttpPost("time-off")]
    public async Task<IActionResult> AddTimeOff([FromForm] TimeOffForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (timeOff, errors) = TimeOffRules.Validate(new TimeOffInput(form.FromDate, form.FromTime, form.ToDate, form.ToTime, form.Reason));
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid || timeOff is null)
        {
            return View("TimeOff", new TimeOffPage { Form = form, Upcoming = await editor.UpcomingTimeOffAsync(cancellationToken) });
        }

        var visits = await editor.AddTimeOffAsync(timeOff, cancellationToken);
        TempData[MessageKey] = visits.Count == 0
            ? "Time off added. Clients can no longer book those times."
            : $"Time off added. Clients can no longer book those times, but {Wording.Count(visits.Count, "visit")} {(visits.Count == 1 ? "is" : "are")} already booked during it. Time off does not cancel them: they are listed below, to move or cancel with the client{(visits.Count == 1 ? string.Empty : "s")}.";
        return RedirectToAction(nameof(TimeOff));
    }

    [HttpPost("time-off/{id:int}/delete")]
    public async Task<IActionResult> DeleteTimeOff(int id, CancellationToken cancellationToken)
    {
        TempData[MessageKey] = await editor.DeleteTimeOffAsync(id, cancellationToken)
            ? "Time off removed; those times can be booked again."
            : "That time off had already been removed.";
        return RedirectToAction(nameof(TimeOff));
    }
}
