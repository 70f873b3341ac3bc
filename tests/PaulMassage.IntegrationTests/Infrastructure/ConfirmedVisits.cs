using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Admin;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Visits requested and then confirmed through the real back-office service.</summary>
public static class ConfirmedVisits
{
    public static async Task<ArrangedVisit> ConfirmAsync(PracticeAppFactory factory, ArrangedVisit visit)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(visit);
        var version = Guid.Parse(await Visits.VersionAsync(factory, visit.Id));
        await using var scope = factory.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AppointmentActions>().ConfirmAsync(visit.Id, version, PracticeAppFactory.TherapistEmail);
        Assert.True(outcome.Succeeded, outcome.Message);
        return visit;
    }

    public static async Task<ArrangedVisit> RequestAndConfirmAsync(PracticeAppFactory factory, DateTime startUtc, string name = "Ann Example") =>
        await ConfirmAsync(factory, await Visits.RequestAsync(factory, startUtc, name));
}
