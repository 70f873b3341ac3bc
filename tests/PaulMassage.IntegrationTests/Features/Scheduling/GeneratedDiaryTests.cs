extern alias DataGenerator;

using DataGenerator::PaulMassage.DataGenerator;
using Microsoft.Extensions.Time.Testing;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.IntegrationTests.Features.Scheduling;

/// <summary>
/// The weeks ahead as the data generator fills them (scripts/bench.sh's databases), in a practice
/// that travels by the default zones: each visit starts no sooner than Paul can drive there.
/// </summary>
public sealed class TheGeneratedDiary
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(PracticeClock.DefaultTimeZoneId);

    private static readonly AvailabilityRules ByZone = AvailabilityRules.Defaults with
    {
        Zones = TravelTimes.Parse(TravelTimes.Defaults.HomeDistrict, TravelTimes.Defaults.Zones, TravelTimes.Defaults.Minutes, AvailabilityRules.Defaults.TravelBufferMinutes),
    };

    private static GeneratedPractice Generate(int seed) =>
        new PracticeGenerator(
            new GeneratorSettings(Appointments: 0, seed, PastYears: 1),
            [new ServiceChoice(1, 30, 40m), new ServiceChoice(1, 60, 70m), new ServiceChoice(1, 90, 95m)],
            ByZone,
            PracticeGenerator.PaymentTerms(),
            new PracticeClock(new FakeTimeProvider(PracticeAppFactory.DefaultNow), London)).Generate();

    /// <summary>Every time a visit holds: its own, and a time proposed instead.</summary>
    private static IEnumerable<(DateTime Start, DateTime End, int? Zone)> TimesOf(Appointment visit, TravelTimes travel)
    {
        var zone = travel.ZoneOf(visit.Postcode);
        yield return (visit.StartUtc, visit.EndUtc, zone);
        if (visit.ProposedStartUtc is DateTime proposed)
        {
            yield return (proposed, proposed.AddMinutes(visit.DurationMinutes), zone);
        }
    }

    [Theory]
    [InlineData(20270301)]
    [InlineData(7)]
    public void starts_each_visit_after_the_drive_from_home_or_from_the_visit_before(int seed)
    {
        var travel = ByZone.Travel;
        var days = Generate(seed).Appointments
            .SelectMany(a => TimesOf(a, travel))
            .GroupBy(t => PracticeClock.LocalDay(t.Start, London))
            .ToList();
        Assert.NotEmpty(days);

        var longerThanShortest = 0;
        foreach (var day in days)
        {
            var times = day.OrderBy(t => t.Start).ToList();
            var opens = ByZone.WeeklyHours.Where(p => p.Day == day.Key.DayOfWeek).Min(p => p.Opens);
            Assert.True(times[0].Start >= PracticeClock.ToUtc(day.Key, opens, London).AddMinutes(travel.FromHome(times[0].Zone)), $"{times[0].Start:u}: before the drive from home");
            for (var i = 1; i < times.Count; i++)
            {
                var drive = travel.Minutes(times[i - 1].Zone, times[i].Zone);
                Assert.True(times[i].Start >= times[i - 1].End.AddMinutes(drive), $"{times[i].Start:u}: before the {drive} minutes' drive from the visit before");
                longerThanShortest += drive > travel.ShortestMinutes ? 1 : 0;
            }
        }

        Assert.True(longerThanShortest > 0); // the zones made a difference, not only the flat buffer
    }

    [Fact]
    public void gives_the_same_diary_for_the_same_seed()
    {
        static List<(string, DateTime, DateTime?, string, AppointmentStatus)> Diary(GeneratedPractice practice) =>
            practice.Appointments.Select(a => (a.Reference, a.StartUtc, a.ProposedStartUtc, a.Postcode, a.Status)).ToList();

        Assert.Equal(Diary(Generate(20270301)), Diary(Generate(20270301)));
        Assert.NotEqual(Diary(Generate(20270301)), Diary(Generate(20270302)));
    }
}
