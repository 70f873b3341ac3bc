using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>
    /// The visit's postcode (or its district), optional: the free times then allow for the drive
    /// from the visit before and to the one after by zone, and from home to the day's first.
    /// Without it, the flat travel buffer applies.
    /// </summary>
    [StringLength(16)]
    public string? Postcode { get; set; }

    /// <summary>The answer's shape: 2 (the default) free windows per day; 1 every start listed.</summary>
    [Range(1, 2)]
    public int Version { get; set; } = 2;
}

/// <summary>
/// One day's free times: each window is <c>[first start, last start]</c> in local time with its
/// offset, every <see cref="AvailabilityResponse.Step"/> minutes between them free too.
/// </summary>
public sealed record AvailabilityDay(DateOnly Date, IReadOnlyList<string[]> Windows);

/// <summary>The compact answer (version 2): per day, the free windows and the step.</summary>
public sealed record AvailabilityResponse(string Service, int Minutes, DateOnly From, int Days, string TimeZone, int Step, IReadOnlyList<AvailabilityDay> Free);

public sealed record AvailabilitySlot(DateTimeOffset Start, DateTime StartUtc, DateTimeOffset End);

/// <summary>The first answer's shape (version 1): every free start, listed.</summary>
public sealed record AvailabilitySlotsResponse(string Service, int Minutes, DateOnly From, int Days, string TimeZone, IReadOnlyList<AvailabilitySlot> Slots);

/// <summary>
/// Free visit times as JSON, for anyone integrating (see docs/availability-api.md). The free times
/// come from <see cref="AvailabilityService.FreeTimesAsync"/>, cached per schedule version; the
/// JSON written from them is kept too, under what it was written from, so a repeated question costs
/// a look-up.
/// </summary>
[ApiController]
[AllowAnonymous]
[Compress] // a few kilobytes of JSON, no secret in it
[Route("api/availability")]
public sealed class AvailabilityApiController(
    CatalogueService catalogue,
    AvailabilityService availability,
    AvailabilityAnswers answers,
    Infrastructure.Time.PracticeClock clock) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<AvailabilityResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> Get([FromQuery] AvailabilityQuery query, CancellationToken cancellationToken)
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

        string? place = null;
        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            place = UkPostcode.TryParse(query.Postcode, out var postcode) ? postcode.ToString() : UkPostcode.NormaliseDistrict(query.Postcode);
            if (place is null)
            {
                ModelState.AddModelError(nameof(query.Postcode), "Enter a UK postcode such as SE1 7PB, or its district such as SE1.");
                return ValidationProblem(ModelState);
            }
        }

        var from = query.From ?? clock.Today;
        var free = await availability.FreeTimesAsync(minutes, place, cancellationToken);
        var json = answers.Get(new AnswerKey(free.Identity(from, query.Days), service.Slug, minutes, from, query.Days, query.Version), () =>
            query.Version == 1
                ? Slots(free, service.Slug, minutes, from, query.Days)
                : Windows(free, service.Slug, minutes, from, query.Days));
        return File(json, "application/json; charset=utf-8");
    }

    private AvailabilitySlotsResponse Slots(FreeTimes free, string service, int minutes, DateOnly from, int days) =>
        new(service, minutes, from, days, clock.TimeZone.Id,
            free.Between(from, days).Select(s => new AvailabilitySlot(s.LocalStart, s.StartUtc, clock.ToLocal(s.EndUtc))).ToList());

    private AvailabilityResponse Windows(FreeTimes free, string service, int minutes, DateOnly from, int days)
    {
        // Every bookable day of the range, with no window when nothing is free.
        var first = Math.Max(from.DayNumber, free.FirstDay.DayNumber);
        var last = Math.Min(from.DayNumber + (long)days - 1, free.LastDay.DayNumber);
        var step = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);
        var result = new List<AvailabilityDay>();
        for (var dayNumber = first; dayNumber <= last; dayNumber++)
        {
            var day = DateOnly.FromDayNumber((int)dayNumber);
            var windows = new List<string[]>();
            FreeSlot? start = null, previous = null;
            foreach (var slot in free.On(day))
            {
                if (previous is { } p && slot.StartUtc - p.StartUtc != step)
                {
                    windows.Add([Local(start!.Value), Local(p)]);
                    start = null;
                }

                start ??= slot;
                previous = slot;
            }

            if (start is { } s && previous is { } end)
            {
                windows.Add([Local(s), Local(end)]);
            }

            result.Add(new AvailabilityDay(day, windows));
        }

        return new AvailabilityResponse(service, minutes, from, days, clock.TimeZone.Id, AvailabilityRules.GridMinutes, result);
    }

    private static string Local(FreeSlot slot) => slot.LocalStart.ToString("HH:mmzzz", CultureInfo.InvariantCulture);
}

/// <summary>What an answer of the availability API is written from; equal keys, equal JSON.</summary>
internal sealed record AnswerKey((FreeTimes.Sweep Sweep, int First, int End) FreeTimes, string Service, int Minutes, DateOnly From, int Days, int Version);

/// <summary>
/// The availability API's JSON, kept by what it was written from (<see cref="AnswerKey"/>: the
/// cached sweep and the part of it offered, and the question), in a cache of its own bounded by
/// size, so no number of different questions can fill the memory.
/// </summary>
public sealed class AvailabilityAnswers : IDisposable
{
    /// <summary>MVC's own defaults for JSON (camelCase names), as the rest of the API answers.</summary>
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4 * 1024 * 1024 });

    internal byte[] Get(AnswerKey key, Func<object> answer)
    {
        if (_cache.TryGetValue(key, out byte[]? bytes) && bytes is not null)
        {
            return bytes;
        }

        var value = answer();
        bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Web);
        _cache.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return bytes;
    }

    public void Dispose() => _cache.Dispose();
}
