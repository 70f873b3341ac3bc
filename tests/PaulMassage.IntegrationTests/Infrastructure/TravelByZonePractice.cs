using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// A test practice that travels by zone, as a new practice starts (<see cref="TravelTimes.Defaults"/>:
/// home in E1; East E1, E14, SE16; Kensington and Chelsea SW3, SW7; 60 minutes from East to
/// Kensington and back, 30 within a zone), where the other tests' practice keeps the flat buffer.
/// </summary>
public sealed class TravelByZonePractice : PracticeAppFactory
{
    public TravelByZonePractice() => ByZone(this);

    /// <summary>Sets a practice (of a test's own factory class) to travel by the default zones.</summary>
    public static void ByZone(PracticeAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.Settings["Seed:HomeDistrict"] = TravelTimes.Defaults.HomeDistrict;
        factory.Settings["Seed:TravelZones"] = TravelTimes.Defaults.Zones;
        factory.Settings["Seed:TravelMinutes"] = TravelTimes.Defaults.Minutes;
    }
}
