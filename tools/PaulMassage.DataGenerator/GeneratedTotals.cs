using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.DataGenerator;

/// <summary>The figures of one period, counted from the generated rows themselves.</summary>
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
internal sealed class PeriodTotals
{
    /// <summary>Money in, by how it was paid ("Cash", "Card", "BankTransfer"), by the day it came in.</summary>
    public SortedDictionary<string, decimal> IncomeByMethod { get; } = new(StringComparer.Ordinal);

    public decimal Income => IncomeByMethod.Values.Sum();

    /// <summary>Completed visits, by their day.</summary>
    public int VisitsGiven { get; set; }

    public int NoShows { get; set; }

    public int LateCancellations { get; set; }

    /// <summary>What is still owed for the period's visits (by the day of the visit), and for how many.</summary>
    public decimal OwedGbp { get; set; }

    public int OwedCount { get; set; }
}

/// <summary>
/// What the generator made, added up as it made it, by the practice's local month ("2026-11") and by
/// UK tax year ("2025/26", 6 April to 5 April): income by method (by the day paid), visits given,
/// no-shows, late cancellations and what is still owed (by the day of the visit). Written as JSON beside the database so
/// the reports page can be checked against figures that do not come from the same queries.
/// </summary>
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
internal sealed class GeneratedTotals
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public SortedDictionary<string, PeriodTotals> Months { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, PeriodTotals> TaxYears { get; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public int Payments { get; private set; }

    [JsonIgnore]
    public int Owed { get; private set; }

    public static GeneratedTotals Of(GeneratedPractice practice, PracticeClock clock)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(clock);
        var totals = new GeneratedTotals();
        var starts = practice.Appointments.ToDictionary(a => a.Id, a => a.StartUtc);
        foreach (var payment in practice.Payments)
        {
            if (payment.PaidUtc is not DateTime paid)
            {
                totals.Owed++;
                foreach (var period in totals.Periods(clock, starts[payment.AppointmentId]))
                {
                    period.OwedGbp += payment.AmountGbp;
                    period.OwedCount++;
                }

                continue;
            }

            totals.Payments++;
            var method = payment.Method.ToString();
            foreach (var period in totals.Periods(clock, paid))
            {
                period.IncomeByMethod[method] = period.IncomeByMethod.GetValueOrDefault(method) + payment.AmountGbp;
            }
        }

        foreach (var visit in practice.Appointments)
        {
            foreach (var period in totals.Periods(clock, visit.StartUtc))
            {
                period.VisitsGiven += visit.Status == AppointmentStatus.Completed ? 1 : 0;
                period.NoShows += visit.Status == AppointmentStatus.NoShow ? 1 : 0;
                period.LateCancellations += visit.CancelledLate ? 1 : 0;
            }
        }

        return totals;
    }

    public static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GeneratedTotals FromJson(string json) =>
        JsonSerializer.Deserialize<GeneratedTotals>(json, Json) ?? throw new InvalidDataException("No totals in the file.");

    /// <summary>"income 1234.00 (BankTransfer ..., Card ..., Cash ...), 40 visits given, 2 no-shows, 1 late cancellations, 70.00 owed (1)" for one period.</summary>
    public static string Describe(PeriodTotals period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var methods = string.Join(", ", period.IncomeByMethod.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.00}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"income {period.Income:0.00} ({methods}), {period.VisitsGiven} visits given, {period.NoShows} no-shows, {period.LateCancellations} late cancellations, {period.OwedGbp:0.00} owed ({period.OwedCount})");
    }

    private IEnumerable<PeriodTotals> Periods(PracticeClock clock, DateTime utc)
    {
        var day = clock.LocalDay(utc);
        yield return Get(Months, MonthKey(day));
        yield return Get(TaxYears, TaxYear.Containing(day).Label);
    }

    private static PeriodTotals Get(SortedDictionary<string, PeriodTotals> periods, string key)
    {
        if (!periods.TryGetValue(key, out var period))
        {
            period = new PeriodTotals();
            periods[key] = period;
        }

        return period;
    }
}
