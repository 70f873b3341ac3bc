using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Scheduling;

/// <summary>
/// The calculator sweeps merged intervals and maps a whole opening period by one UTC offset when
/// the clocks do not change in it. These tests hold it to the plain definition: every quarter-hour
/// candidate, converted by the time zone one by one and checked against every busy interval.
/// </summary>
public sealed class TheAvailabilityCalculator
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void gives_the_same_slots_as_checking_every_candidate_against_every_busy_interval(int seed)
    {
        var random = new Random(seed);
        var from = new DateOnly(2027, 3, 1).AddDays(random.Next(0, 300));
        var rules = RandomRules(random);
        var (visits, timeOff) = RandomDiary(random, from, 21);
        var now = new DateTimeOffset(from.ToDateTime(new TimeOnly(random.Next(0, 24), 0), DateTimeKind.Utc)).AddDays(-random.Next(0, 3));
        var minutes = 15 * random.Next(2, 9);

        var actual = new AvailabilityCalculator(rules, London).FreeSlots(from, 21, minutes, visits, timeOff, now);

        Assert.Equal(Describe(Naive(rules, London, from, 21, minutes, visits, timeOff, now)), Describe(actual));
    }

    [Theory]
    [InlineData(2027, 3, 28)] // the clocks go forward at 01:00: 01:00-01:59 does not exist
    [InlineData(2027, 10, 31)] // the clocks go back at 02:00: 01:00-01:59 happens twice
    public void gives_the_same_slots_on_the_nights_the_clocks_change(int year, int month, int day)
    {
        var night = new DateOnly(year, month, day);
        var rules = new AvailabilityRules(
            [new WorkingPeriod(DayOfWeek.Saturday, new(22, 0), new(23, 45)), new WorkingPeriod(DayOfWeek.Sunday, new(0, 0), new(4, 0))],
            TravelBufferMinutes: 15,
            MinimumNoticeHours: 0,
            BookingHorizonDays: 30);
        var visit = night.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc);
        BusyInterval[] visits = [new(visit, visit.AddMinutes(30))];
        var now = new DateTimeOffset(night.AddDays(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var actual = new AvailabilityCalculator(rules, London).FreeSlots(night.AddDays(-1), 2, 30, visits, [], now);
        var expected = Naive(rules, London, night.AddDays(-1), 2, 30, visits, [], now);

        Assert.NotEmpty(actual);
        Assert.Equal(Describe(expected), Describe(actual));
        Assert.All(actual, s => Assert.Equal(DateTimeKind.Utc, s.StartUtc.Kind));
    }

    [Fact]
    public void finds_a_gap_between_visits_whatever_order_they_arrive_in()
    {
        var monday = new DateOnly(2027, 3, 8);
        var rules = AvailabilityRules.Defaults with { MinimumNoticeHours = 0 };
        var nine = monday.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        BusyInterval[] visits =
        [
            new(nine.AddHours(6), nine.AddHours(10)), // 15:00-19:00
            new(nine, nine.AddHours(2)), // 09:00-11:00
            new(nine.AddMinutes(30), nine.AddHours(1)), // inside the first
        ];
        var now = new DateTimeOffset(monday.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var slots = new AvailabilityCalculator(rules, London).FreeSlots(monday, 1, 60, visits, [], now);

        // Free from 11:30 (after the buffer) to a start of 13:30 (ending 14:30, buffer before 15:00).
        Assert.Equal(new TimeOnly(11, 30), TimeOnly.FromDateTime(slots[0].StartUtc));
        Assert.Equal(new TimeOnly(13, 30), TimeOnly.FromDateTime(slots[^1].StartUtc));
        Assert.Equal(9, slots.Count);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    private static AvailabilityRules RandomRules(Random random)
    {
        var periods = new List<WorkingPeriod>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (random.NextDouble() < 0.2)
            {
                continue; // a day off
            }

            // Sometimes a night period, so some runs cross the clock changes.
            var opens = random.NextDouble() < 0.2 ? random.Next(0, 2) : random.Next(7, 11);
            var closes = Math.Min(23, opens + random.Next(2, 10));
            periods.Add(new WorkingPeriod(day, new TimeOnly(opens, 15 * random.Next(0, 4)), new TimeOnly(closes, 15 * random.Next(0, 4))));
            if (closes < 20 && random.NextDouble() < 0.3)
            {
                periods.Add(new WorkingPeriod(day, new TimeOnly(closes + 1, 0), new TimeOnly(Math.Min(23, closes + 3), 0)));
            }
        }

        return new AvailabilityRules(periods, TravelBufferMinutes: 15 * random.Next(0, 3), MinimumNoticeHours: random.Next(0, 30), BookingHorizonDays: random.Next(7, 60));
    }

    private static (List<BusyInterval> Visits, List<BusyInterval> TimeOff) RandomDiary(Random random, DateOnly from, int days)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-6);
        var visits = Enumerable.Range(0, random.Next(0, 120))
            .Select(_ =>
            {
                var at = start.AddMinutes(15 * random.Next(0, (days + 1) * 96));
                return new BusyInterval(at, at.AddMinutes(15 * random.Next(2, 9)));
            })
            .ToList();
        var timeOff = Enumerable.Range(0, random.Next(0, 3))
            .Select(_ =>
            {
                var at = start.AddMinutes(15 * random.Next(0, days * 96));
                return new BusyInterval(at, at.AddHours(random.Next(1, 80)));
            })
            .ToList();
        return (visits, timeOff);
    }

    /// <summary>The definition, with nothing clever: each candidate, each interval.</summary>
    private static List<FreeSlot> Naive(AvailabilityRules rules, TimeZoneInfo zone, DateOnly from, int days, int minutes, IReadOnlyList<BusyInterval> visits, IReadOnlyList<BusyInterval> timeOff, DateTimeOffset now)
    {
        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);
        var duration = TimeSpan.FromMinutes(minutes);
        var blocked = visits.Select(v => new BusyInterval(v.StartUtc - buffer, v.EndUtc + buffer)).Concat(timeOff).ToList();
        var earliest = now.UtcDateTime.AddHours(rules.MinimumNoticeHours);
        var latest = now.UtcDateTime.AddDays(rules.BookingHorizonDays);
        var slots = new List<FreeSlot>();
        for (var day = from; day < from.AddDays(days); day = day.AddDays(1))
        {
            foreach (var period in rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens))
            {
                for (var time = period.Opens; time.ToTimeSpan() + duration <= period.Closes.ToTimeSpan(); time = time.AddMinutes(AvailabilityRules.GridMinutes))
                {
                    var local = day.ToDateTime(time, DateTimeKind.Unspecified);
                    if (zone.IsInvalidTime(local))
                    {
                        continue;
                    }

                    var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    var endUtc = startUtc + duration;
                    if (startUtc >= earliest && startUtc <= latest && !blocked.Any(b => b.Overlaps(startUtc, endUtc)))
                    {
                        slots.Add(new FreeSlot(startUtc, endUtc, new DateTimeOffset(local, zone.GetUtcOffset(startUtc))));
                    }

                    if (time.AddMinutes(AvailabilityRules.GridMinutes) < time)
                    {
                        break; // past midnight
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>Everything a slot says, the local offset included (DateTimeOffset equality ignores it).</summary>
    private static List<string> Describe(IEnumerable<FreeSlot> slots) =>
        slots.Select(s => $"{s.StartUtc:O} {s.EndUtc:O} {s.LocalStart:O}").ToList();
}
