using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.DataGenerator;

/// <summary>
/// Fills a migrated and seeded practice database with a generated practice and writes the
/// generator's own totals beside it: the command line's work, and the reports test's.
/// </summary>
internal static class PracticeDatabase
{
    /// <summary>The totals file of a database: "practice.db" has "practice.db.totals.json".</summary>
    public static string TotalsPath(string database) => database + ".totals.json";

    public static async Task<(GeneratedPractice Practice, GeneratedTotals Totals)> FillAsync(IServiceProvider services, GeneratorSettings settings, string totalsPath)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rules = (await scope.ServiceProvider.GetRequiredService<SchedulingSettings>().GetAsync()).Rules;
        var clock = scope.ServiceProvider.GetRequiredService<PracticeClock>();
        var choices = await db.ServiceOptions.AsNoTracking()
            .OrderBy(o => o.ServiceId).ThenBy(o => o.Minutes)
            .Select(o => new ServiceChoice(o.ServiceId, o.Minutes, o.PriceGbp))
            .ToListAsync();
        if (choices.Count == 0)
        {
            throw new InvalidOperationException("The seed created no services; is the Content folder beside the generator?");
        }

        // The practice charges for missed visits, so no-shows and late cancellations carry fees.
        var payments = scope.ServiceProvider.GetRequiredService<PaymentTerms>();
        await payments.SaveAsync(PracticeGenerator.PaymentTerms());
        var terms = await payments.SettingsAsync();

        var practice = new PracticeGenerator(settings, choices, rules, terms, clock).Generate();

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var insert = new BulkInserter(db);
            insert.Insert(practice.Clients);
            insert.Insert(practice.Appointments);
            insert.Insert(practice.Intakes);
            insert.Insert(practice.Events);
            insert.Insert(practice.Claims);

            // Payments have keys the database gives: saved as the site saves them, in the same transaction.
            db.Payments.AddRange(practice.Payments);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        await db.Database.CloseConnectionAsync();

        var totals = GeneratedTotals.Of(practice, clock);
        await File.WriteAllTextAsync(totalsPath, totals.ToJson());
        return (practice, totals);
    }

    /// <summary>One line on what was made, for the console.</summary>
    public static string Describe(GeneratedPractice practice, GeneratedTotals totals, PracticeClock clock)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(clock);
        var horizonEnd = clock.StartOfDayUtc(clock.Today.AddDays(56));
        var byStatus = practice.Appointments.GroupBy(a => a.Status).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
        var holdingAhead = practice.Appointments.Count(a => BookingStateMachine.HoldsTime(a.Status) && a.StartUtc >= clock.UtcNow && a.StartUtc < horizonEnd);
        var lateCancellations = practice.Appointments.Count(a => a.CancelledLate);
        return string.Create(CultureInfo.InvariantCulture,
            $"{practice.Appointments.Count} appointments ({string.Join(", ", byStatus)}; {lateCancellations} cancelled late), {practice.Clients.Count} clients, {practice.Events.Count} status changes, {practice.Claims.Count} slot claims, {totals.Payments} payments and {totals.Owed} owed; {holdingAhead} visits hold time in the next 8 weeks");
    }
}
