using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>The therapist enters a booking himself, for example while on the phone; it is confirmed at once.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/bookings")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PhoneBookingController(PhoneBookingService phoneBookings, ClientIdentities clients, BookingService bookings, ManageLinks links, CatalogueService catalogue, PracticeClock clock) : Controller
{
    /// <summary>"{id} {link}": the new booking's manage link, shown once on that booking's page only.</summary>
    public const string NewManageLinkKey = "NewManageLink";

    /// <summary>
    /// The empty form; with <paramref name="email"/>, the client's details are looked up and filled in.
    /// "Book again" (<paramref name="client"/>, from the client's record or the day agenda) also fills
    /// in the last visit's treatment and length and the last intake; the red flags and the consent
    /// are asked again on the call.
    /// </summary>
    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] string? email, [FromQuery] DateOnly? date, [FromQuery] int? client, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var form = new PhoneBookingForm { Email = email?.Trim(), Date = date };
        bool? found = null;
        ClientLookup? again = null;
        if (client is int clientId)
        {
            again = await clients.LookUpForTherapistAsync(clientId, cancellationToken);
            if (again is null)
            {
                return NotFound();
            }

            form.Email = again.Email;
            form.Service = again.LastServiceSlug;
            form.Minutes = again.LastMinutes;
            form.Intake = again.LastIntake is { } last ? IntakeQuestions.SameAsLastTime(last) : new();
            Fill(form, again);
        }
        else if (!string.IsNullOrWhiteSpace(email))
        {
            var known = await clients.LookUpAsync(new Booker.Therapist(), email, cancellationToken);
            found = known is not null;
            if (known is not null)
            {
                Fill(form, known);
            }
        }

        var page = await PageAsync(form, [], found, cancellationToken);
        page.BookingAgain = again;
        return View("PhoneBooking", page);
    }

    private static void Fill(PhoneBookingForm form, ClientLookup client)
    {
        form.Name = client.Name;
        form.Phone = client.Phone;
        form.Address = AddressQuestions.From(client);
        form.Postcode = client.Postcode;
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] PhoneBookingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        // As online, red flags come first: the client needs the medical advice, not a visit, whatever else is missing.
        if (bookings.StopForRedFlags(form.Intake.TickedRedFlags) is { } stopped)
        {
            return View("PhoneBookingStopped", new SafetyStopPage { Screening = stopped.Screening });
        }

        var services = await catalogue.ActiveServicesAsync(cancellationToken);
        var booking = form.ToBooking(ModelState, services, clock);
        if (booking is null)
        {
            return View("PhoneBooking", await PageAsync(form, [], null, cancellationToken));
        }

        var actor = User.Identity?.Name ?? Roles.Therapist;
        var outcome = booking.Repeat is null
            ? await phoneBookings.EnterBookingAsync(booking, actor, cancellationToken)
            : await phoneBookings.EnterSeriesAsync(booking, actor, cancellationToken);
        switch (outcome)
        {
            case PhoneBookingOutcome.SeriesCreated series:
                TempData[AdminController.MessageKey] = $"Booked and confirmed {series.Visits} visits; the client has one e-mail with a link to them all.";
                TempData[AdminController.MessageKindKey] = "success";
                TempData[NewManageLinkKey] = $"{series.FirstId} {links.SeriesUrlFor(series.SeriesToken)}";
                return RedirectToAction(nameof(AdminController.Detail), "Admin", new { id = series.FirstId });
            case PhoneBookingOutcome.SeriesRefused refused:
                form.OverrideRules = false;
                return View("PhoneBooking", await PageAsync(form, refused.PlaceProblems, null, cancellationToken, refused.Plan, refused.LostRace));
            case PhoneBookingOutcome.Created created:
                TempData[AdminController.MessageKey] = $"Booked and confirmed: {created.Reference}.";
                TempData[AdminController.MessageKindKey] = "success";
                TempData[NewManageLinkKey] = $"{created.Id} {links.UrlFor(created.ManageToken)}";
                return RedirectToAction(nameof(AdminController.Detail), "Admin", new { id = created.Id });
            case PhoneBookingOutcome.Refused refused:
                form.OverrideRules = false; // an override is for the reasons shown, so it is ticked again knowingly
                return View("PhoneBooking", await PageAsync(form, refused.Problems, null, cancellationToken));
            case PhoneBookingOutcome.NewClientNeedsDetails:
                ModelState.AddModelError(nameof(PhoneBookingForm.Name), "There is no client with this e-mail address yet: enter their name.");
                ModelState.AddModelError(nameof(PhoneBookingForm.Phone), "There is no client with this e-mail address yet: enter their phone number.");
                return View("PhoneBooking", await PageAsync(form, [], false, cancellationToken));
            default:
                ModelState.AddModelError(nameof(PhoneBookingForm.Service), "That treatment or length is not available. Please choose again.");
                return View("PhoneBooking", await PageAsync(form, [], null, cancellationToken));
        }
    }

    private async Task<PhoneBookingPage> PageAsync(
        PhoneBookingForm form,
        IReadOnlyList<VisitTimeProblem> problems,
        bool? found,
        CancellationToken cancellationToken,
        IReadOnlyList<PlannedVisit>? plan = null,
        bool lostRace = false) =>
        new()
        {
            Form = form,
            Services = await catalogue.ActiveServicesAsync(cancellationToken),
            Problems = problems,
            ClientFound = found,
            SeriesPlan = plan ?? [],
            SeriesLostRace = lostRace,
        };
}
