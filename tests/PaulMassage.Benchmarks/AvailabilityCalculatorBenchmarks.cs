using BenchmarkDotNet.Attributes;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Benchmarks;

/// <summary>
/// The availability calculation on its own, with no database: eight weeks of the default opening
/// hours for a 60-minute visit, with 0, 500 or 5,000 busy visits spread over those weeks (5,000 is
/// far beyond any real diary; it shows how the sweep scales).
/// </summary>
[MemoryDiagnoser]
public class AvailabilityCalculatorBenchmarks
{
    private static readonly DateOnly From = new(2027, 3, 1);
    private static readonly DateTimeOffset Now = new(2027, 2, 27, 9, 0, 0, TimeSpan.Zero);

    private AvailabilityCalculator _calculator = null!;
    private BusyInterval[] _visits = [];
    private BusyInterval[] _timeOff = [];

    [Params(0, 500, 5000)]
    public int BusyIntervals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        _calculator = new AvailabilityCalculator(AvailabilityRules.Defaults, zone);

        // Visits on the quarter-hour grid between 08:00 and 18:00 UTC on random days of the eight
        // weeks, 45 to 90 minutes long; a seeded Random, so every run sees the same diary.
        var random = new Random(56);
        var start = From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _visits = Enumerable.Range(0, BusyIntervals)
            .Select(_ =>
            {
                var visitStart = start.AddDays(random.Next(0, 56)).AddHours(8).AddMinutes(15 * random.Next(0, 40));
                return new BusyInterval(visitStart, visitStart.AddMinutes(15 * random.Next(3, 7)));
            })
            .ToArray();
        _timeOff = [new BusyInterval(start.AddDays(20), start.AddDays(23))];
    }

    [Benchmark]
    public int FreeSlotsForEightWeeks() =>
        _calculator.FreeSlots(From, 56, 60, _visits, _timeOff, Now).Count;
}
