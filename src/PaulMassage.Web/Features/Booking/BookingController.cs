using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The home-visit request in three steps: treatment and postcode, a free time, then details and
/// the intake assessment. The first two are GETs so that each step is a link and the back button works.
/// </summary>
/// <remarks>
/// The constructor takes what every step uses; what only sending the request or a signed-in client
/// needs comes into that action, so the pages a visitor reads most build less.
/// </remarks>
[AllowAnonymous]
[Route("book")]
public sealed class BookingController(
    CatalogueService catalogue,
    SchedulingSettings settings,
    AvailabilityService availability,
    PracticeClock clock) : Controller
{
    private const int DaysPerPage = 7;

    /// <summary>The fields of step 1; the details form carries them as hidden fields.</summary>
    private static readonly string[] ChoiceFields = [nameof(VisitChoice.Service), nameof(VisitChoice.Minutes), nameof(VisitChoice.Postcode)];

    [HttpGet("")]
    [PublicForm]
    public async Task<IActionResult> Choose([FromQuery] VisitChoice choice, [FromQuery] List<PainFeeling> feelings, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the first visit to the page is not a failed submission
        CompressForVisitor();
        return View("Choose", await ChoosePageAsync(choice, feelings, null, cancellationToken));
    }

    /// <summary>
    /// Step 2: a week's strip of days with the number of free times on each, and the chosen day's
    /// times by morning, afternoon and evening. <paramref name="day"/> (yyyy-MM-dd, from a link or
    /// the date field) picks the day; <paramref name="week"/> the strip's first day (links from
    /// e-mails and the course page); without either, the first day with a free time.
    /// </summary>
    [HttpGet("slots")]
    public async Task<IActionResult> Slots([FromQuery] VisitChoice choice, [FromQuery] DateOnly? week, [FromQuery] string? day, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(week)); // a week that does not parse is ignored, as one out of range is
        var (service, _, outOfArea) = await CheckChoiceAsync(choice, cancellationToken);
        if (!ModelState.IsValid || service is null)
        {
            return View("Choose", await ChoosePageAsync(choice, [], outOfArea, cancellationToken));
        }

        var free = await availability.FreeTimesAsync(choice.Minutes!.Value, choice.Postcode, cancellationToken);
        var (firstDay, lastDay) = (free.FirstDay, free.LastDay);
        string? dayError = null;
        DateOnly? chosen = null;
        if (!string.IsNullOrWhiteSpace(day))
        {
            if (!DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed))
            {
                dayError = "Enter a date, for example " + firstDay.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
            }
            else if (typed < firstDay || typed > lastDay)
            {
                dayError = $"Visits can be booked from {firstDay:d MMMM} to {lastDay:d MMMM yyyy}. Choose a date in between.";
            }
            else
            {
                chosen = typed;
            }
        }

        // The strip: the week given, else the week (counted from today) of the chosen day.
        var weekStart = week is DateOnly w && w >= firstDay && w <= lastDay && (chosen is not DateOnly c || (c >= w && c < w.AddDays(DaysPerPage)))
            ? w
            : firstDay.AddDays(((chosen ?? firstDay).DayNumber - firstDay.DayNumber) / DaysPerPage * DaysPerPage);
        var strip = Enumerable.Range(0, DaysPerPage)
            .Select(weekStart.AddDays)
            .Where(d => d <= lastDay)
            .Select(d => new StripDay(d, free.On(d).Count))
            .ToList();
        var shown = chosen ?? strip.FirstOrDefault(d => d.FreeCount > 0)?.Day ?? weekStart;

        CompressForVisitor();
        return View("Slots", new ChooseSlotPage
        {
            Choice = choice,
            Service = service,
            WeekStart = weekStart,
            PreviousWeek = weekStart > firstDay ? Max(weekStart.AddDays(-DaysPerPage), firstDay) : null,
            NextWeek = weekStart.AddDays(DaysPerPage) <= lastDay ? weekStart.AddDays(DaysPerPage) : null,
            Strip = strip,
            Day = shown,
            Parts = DayPart.Of(free.On(shown)),
            FirstDay = firstDay,
            LastDay = lastDay,
            DayTyped = dayError is null ? null : day,
            DayError = dayError,
        });
    }

    /// <summary>
    /// Step 3. A signed-in client finds their contact details and last address filled in from their
    /// own record, and is offered their last intake's answers (<paramref name="sameAsLastTime"/>
    /// fills them in); the red-flag question is always asked afresh.
    /// </summary>
    [HttpGet("details")]
    public async Task<IActionResult> Details([FromQuery] VisitChoice choice, [FromQuery] DateTime? start, [FromQuery] bool sameAsLastTime, [FromServices] IServiceProvider services, CancellationToken cancellationToken)
    {
        var form = new BookingForm { Service = choice.Service, Minutes = choice.Minutes, Postcode = choice.Postcode, Start = FormTime.AsUtc(start) };
        var (service, _, outOfArea) = await CheckChoiceAsync(form, cancellationToken);
        if (!ModelState.IsValid || service is null)
        {
            return View("Choose", await ChoosePageAsync(choice, [], outOfArea, cancellationToken));
        }

        // One of the free times offered now (from the cached free times); the request itself is checked again when sent.
        if (form.Start is not DateTime startUtc || !(await availability.FreeTimesAsync(form.Minutes!.Value, form.Postcode, cancellationToken)).Offers(startUtc))
        {
            return RedirectToAction(nameof(Slots), new { choice.Service, choice.Minutes, choice.Postcode });
        }

        ModelState.Clear();
        // Only a signed-in visitor can be anyone the site knows: the account and client record lookups
        // are made (and their services built) for them alone.
        var signedIn = User.Identity?.IsAuthenticated == true;
        var booker = signedIn ? await BookerAsync(services.GetRequiredService<UserManager<AppUser>>()) : new Booker.Anonymous();
        DateTime? lastIntakeVisit = null;
        if (signedIn && await services.GetRequiredService<ClientIdentities>().LookUpAsync(booker, null, cancellationToken) is { } known)
        {
            // A returning client signed in: their details as last given.
            form.Name = known.Name;
            form.Phone = known.Phone;
            form.Address = AddressQuestions.From(known);
            if (known.LastIntake is { } last)
            {
                lastIntakeVisit = known.LastIntakeVisitUtc;
                form.Intake = sameAsLastTime ? IntakeQuestions.SameAsLastTime(last) : form.Intake;
            }
        }

        var page = DetailsPage(form, service, startUtc, booker, untouched: !signedIn);
        page.LastIntakeDay = lastIntakeVisit is DateTime visit ? clock.LocalDay(visit) : null;
        page.SameAsLastTime = sameAsLastTime && lastIntakeVisit is not null;
        if (page.IsUntouched)
        {
            // Compressed only when nothing on it is anyone's: the one secret left is the antiforgery
            // token, which Data Protection encrypts afresh for every response (a new random key
            // modifier), so no two responses share its bytes for a BREACH guess to match against.
            CompressAttribute.OptIn(HttpContext);
        }

        return View("Details", page);
    }

    [HttpPost("details")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Submit(
        [FromForm] BookingForm form,
        [FromServices] BookingService booking,
        [FromServices] Vouchers vouchers,
        [FromServices] UserManager<AppUser> userManager,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        // Red flags first: the advice to get medical help must not wait behind other mistakes on the form.
        if (booking.StopForRedFlags(form.Intake.TickedRedFlags, form.Intake.SeenByGpSince) is { } stopped)
        {
            return SafetyStop(stopped);
        }

        form.Start = FormTime.AsUtc(form.Start);
        var (service, postcode, outOfArea) = await CheckChoiceAsync(form, cancellationToken);
        if (service is null || postcode is null || outOfArea is not null || ChoiceFields.Any(HasError))
        {
            // The treatment, length or postcode no longer stands (they cannot be edited on this
            // step), so go back to step 1 with only the messages about them.
            foreach (var key in ModelState.Keys.Except(ChoiceFields).ToList())
            {
                ModelState.Remove(key);
            }

            return View("Choose", await ChoosePageAsync(form, [], outOfArea, cancellationToken));
        }

        // A gift voucher's code is checked now (for this treatment and day) and kept for the visit.
        var voucher = await CheckVoucherAsync(vouchers, form, service, cancellationToken);
        var booker = await BookerAsync(userManager);
        var request = BookingFormMapper.ToRequest(form, postcode, ModelState, booker);
        if (request is null || form.Start is not DateTime startUtc || !ModelState.IsValid)
        {
            return View("Details", DetailsPage(form, service, form.Start ?? clock.UtcNow, booker));
        }

        var outcome = await booking.RequestVisitAsync(request, cancellationToken);
        switch (outcome)
        {
            case BookingOutcome.Accepted accepted:
                if (voucher?.VoucherId is int voucherId)
                {
                    await vouchers.HoldAsync(accepted.Reference, voucherId, cancellationToken);
                }

                TempData["BookingReceived"] = accepted.Reference;
                TempData["AddressCheckSent"] = accepted.AddressCheckSent;
                return LocalRedirect(ManageToken.ManagePath(accepted.ManageToken));
            case BookingOutcome.StoppedForSafety stoppedLater:
                return SafetyStop(stoppedLater);
            case BookingOutcome.SlotTaken taken:
                ModelState.AddModelError(nameof(BookingForm.Start), "Sorry, someone has just booked that time. Please choose another; everything else you entered is kept.");
                return View("Details", DetailsPage(form, service, startUtc, booker, taken.Alternatives));
            case BookingOutcome.SlotNotOffered notOffered:
                ModelState.AddModelError(nameof(BookingForm.Start), "Sorry, that time cannot be booked: it is too soon, too far ahead or outside Paul's working hours. Please choose another; everything else you entered is kept.");
                return View("Details", DetailsPage(form, service, startUtc, booker, notOffered.Alternatives));
            case BookingOutcome.OutOfArea area:
                return View("Choose", await ChoosePageAsync(form, [], area.District, cancellationToken));
            default:
                ModelState.AddModelError(nameof(BookingForm.Service), "That treatment or length is not available. Please choose again.");
                return View("Choose", await ChoosePageAsync(form, [], null, cancellationToken));
        }
    }

    /// <summary>
    /// Steps 1 and 2 hold no secret for a visitor who is not signed in (no form token: their forms
    /// are GETs), so they may be compressed though they repeat the query. Signed in, the menu's
    /// sign-out form carries a token, which must not travel compressed beside it (BREACH).
    /// </summary>
    private void CompressForVisitor()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            CompressAttribute.OptIn(HttpContext);
        }
    }

    /// <summary>
    /// The red-flag stop. When the client's GP can lift it, the page offers "my GP has seen me since",
    /// which posts the same answers again with that one added (the rules then send it for review).
    /// </summary>
    private ViewResult SafetyStop(BookingOutcome.StoppedForSafety stopped) =>
        View("SafetyStop", new SafetyStopPage
        {
            Screening = stopped.Screening,
            Resubmit = stopped.Screening.GpCanClear ? PostedAnswers() : [],
            ResubmitAction = Request.Path,
        });

    private const string SeenByGpSinceField = nameof(BookingForm.Intake) + "." + nameof(IntakeQuestions.SeenByGpSince);

    /// <summary>Every field just posted but the antiforgery token (the page sends a fresh one) and the GP answer (the page adds it).</summary>
    private List<KeyValuePair<string, string>> PostedAnswers() =>
        Request.HasFormContentType
            ? Request.Form
                .Where(f => f.Key is not ("__RequestVerificationToken" or SeenByGpSinceField))
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))
                .ToList()
            : [];

    /// <summary>The voucher code typed, checked for this treatment, length and time; a message beside the field when it cannot be used.</summary>
    private async Task<VoucherCheck?> CheckVoucherAsync(Vouchers vouchers, BookingForm form, ServiceSummary service, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.VoucherCode) || HasError(nameof(BookingForm.VoucherCode)) || form.Start is not DateTime startUtc || form.Minutes is not int minutes)
        {
            return null;
        }

        var check = await vouchers.CheckAsync(form.VoucherCode, service.Id, minutes, startUtc, cancellationToken);
        if (check.Message is not null)
        {
            ModelState.AddModelError(nameof(BookingForm.VoucherCode), check.Message);
            return null;
        }

        return check;
    }

    /// <summary>A signed-in client with a confirmed address books as that account; anyone else is anonymous.</summary>
    private async Task<Booker> BookerAsync(UserManager<AppUser> userManager) =>
        User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { EmailConfirmed: true, Email: { } email } user
            ? new Booker.Account(user.Id, email)
            : new Booker.Anonymous();

    private BookingDetailsPage DetailsPage(BookingForm form, ServiceSummary service, DateTime startUtc, Booker booker, IReadOnlyList<FreeSlot>? alternatives = null, bool untouched = false)
    {
        var minutes = form.Minutes ?? service.Options[0].Minutes;
        if (booker is Booker.Account account)
        {
            form.Email = account.Email;
        }

        return new BookingDetailsPage
        {
            Form = form,
            AccountEmail = (booker as Booker.Account)?.Email,
            Service = service,
            Slot = new FreeSlot(startUtc, startUtc.AddMinutes(minutes), clock.ToLocal(startUtc)),
            Alternatives = alternatives ?? [],
            SlotWasTaken = alternatives is not null,
            IsUntouched = untouched && alternatives is null,
        };
    }

    /// <summary>Checks the treatment, length and postcode, and that Paul travels there; adds model errors for what is wrong.</summary>
    private async Task<(ServiceSummary? Service, UkPostcode? Postcode, string? OutOfAreaDistrict)> CheckChoiceAsync(VisitChoice choice, CancellationToken cancellationToken)
    {
        var service = VisitChoiceRules.CheckService(await catalogue.ActiveServicesAsync(cancellationToken), choice.Service, choice.Minutes, ModelState);
        if (VisitChoiceRules.CheckPostcode(choice.Postcode, ModelState) is not { } postcode)
        {
            return (service, null, null);
        }

        choice.Postcode = postcode.ToString();
        ModelState.SetModelValue(nameof(VisitChoice.Postcode), choice.Postcode, choice.Postcode); // shown again tidied, "m1 1ae" as "M1 1AE"
        var snapshot = await settings.GetAsync(cancellationToken);
        if (!snapshot.Area.Covers(postcode))
        {
            ModelState.AddModelError(nameof(VisitChoice.Postcode), $"Sorry, Paul does not usually travel to {postcode.District}.");
            return (service, postcode, postcode.District);
        }

        return (service, postcode, null);
    }

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private async Task<ChooseVisitPage> ChoosePageAsync(VisitChoice choice, List<PainFeeling> feelings, string? outOfArea, CancellationToken cancellationToken)
    {
        var services = await catalogue.ActiveServicesAsync(cancellationToken);
        var feeling = feelings.Aggregate(PainFeeling.None, (all, f) => all | f);
        var suggested = ServiceRecommender.Recommend(feeling)
            .Select(slug => services.SingleOrDefault(s => s.Slug == slug))
            .OfType<ServiceSummary>()
            .ToList();
        var snapshot = await settings.GetAsync(cancellationToken);
        return new ChooseVisitPage
        {
            Choice = choice,
            Services = services,
            Feelings = feelings,
            Suggested = suggested,
            OutOfAreaDistrict = outOfArea,
            ServedDistricts = snapshot.Area.Format(),
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
