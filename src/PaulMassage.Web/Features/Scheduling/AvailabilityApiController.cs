using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Scheduling;

public sealed class AvailabilityQuery
{
    [Required]
    public string? Service { get; set; }

    [Required]
    public int? Minutes { get; set; }

    public DateOnly? From { get; set; }

    [Range(1, 62)]
    public int Days { get; set; } = 7;
}

public sealed record AvailabilitySlot(DateTimeOffset Start, DateTime StartUtc, DateTimeOffset End);

public sealed record AvailabilityResponse(string Service, int Minutes, DateOnly From, int Days, string TimeZone, IReadOnlyList<AvailabilitySlot> Slots);

/// <summary>Free visit times as JSON, for the booking page's script and for anyone integrating.</summary>
[ApiController]
[AllowAnonymous]
[Compress] // a few dozen kilobytes of JSON, no secret in it
[Route("api/availability")]
public sealed class AvailabilityApiController(CatalogueService catalogue, AvailabilityService availability, Infrastructure.Time.PracticeClock clock) : ControllerBase
{
    [HttpGet("")]
    public async Task<ActionResult<AvailabilityResponse>> Get([FromQuery] AvailabilityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var service = (await catalogue.ActiveServicesAsync(cancellationToken)).SingleOrDefault(s => s.Slug == query.Service);
        if (service is null)
        {
            return NotFound(new ProblemDetails { Title = "No such treatment.", Status = StatusCodes.Status404NotFound });
        }

        if (query.Minutes is not int minutes || !Booking.VisitChoiceRules.CheckLength(service, minutes, ModelState, nameof(query.Minutes)))
        {
            return ValidationProblem(ModelState);
        }

        var from = query.From ?? clock.Today;
        var slots = await availability.FreeSlotsAsync(query.Minutes!.Value, from, query.Days, cancellationToken);
        return new AvailabilityResponse(
            service.Slug,
            query.Minutes.Value,
            from,
            query.Days,
            clock.TimeZone.Id,
            slots.Select(s => new AvailabilitySlot(s.LocalStart, s.StartUtc, clock.ToLocal(s.EndUtc))).ToList());
    }
}
