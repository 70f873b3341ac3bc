using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Plans;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>Plans given straight in the database, for tests of who reads them.</summary>
public static class PlanArrange
{
    /// <summary>Gives the visit's client a plan: deep tissue used and planned for <paramref name="reason"/>, and the named self-help items with their notes.</summary>
    public static Task<int> PlanAsync(this PracticeAppFactory factory, ArrangedVisit visit, string reason = "Your pain feels muscular.", params (string Title, string? Note)[] items)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(visit);
        return factory.WithDbAsync(async db =>
        {
            var deep = await db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync();
            var chosen = new List<ChosenSelfHelp>();
            foreach (var (title, note) in items)
            {
                chosen.Add(new ChosenSelfHelp(await db.SelfHelpItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync(), note));
            }

            var plan = CarePlan.Give(visit.ClientId, visit.Id, new PlanContent([new PlannedTechnique(deep, true, true, reason)], chosen), factory.Clock.GetUtcNow().UtcDateTime);
            db.CarePlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }
}
