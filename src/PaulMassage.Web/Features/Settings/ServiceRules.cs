using System.Globalization;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Settings;

/// <summary>One length-and-price row of a service as typed ("90", "£75.50").</summary>
public sealed record ServiceOptionInput(string? Minutes, string? Price);

/// <summary>A valid length and price.</summary>
public sealed record ServiceOptionValue(int Minutes, decimal PriceGbp);

/// <summary>
/// Checks a service's lengths and prices: at least one, each a positive length on the
/// quarter-hour grid no longer than a visit can be, each with a positive price in pounds and
/// pence, no length twice. Blank rows are ignored.
/// </summary>
public static class ServiceRules
{
    /// <summary>The longest visit the availability search allows for.</summary>
    public const int MaxMinutes = 240;

    public const decimal MaxPrice = 1000m;

    public static (IReadOnlyList<ServiceOptionValue> Options, IReadOnlyList<FieldError> Errors) ValidateOptions(IReadOnlyList<ServiceOptionInput> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var options = new List<ServiceOptionValue>();
        var errors = new List<FieldError>();
        var seen = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Minutes) && string.IsNullOrWhiteSpace(row.Price))
            {
                continue;
            }

            var minutesField = $"Options[{i}].Minutes";
            var priceField = $"Options[{i}].Price";
            int? minutes = null;
            if (!int.TryParse(row.Minutes?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
            {
                errors.Add(new FieldError(minutesField, $"Row {i + 1}: enter the length in minutes, for example 60."));
            }
            else if (m <= 0 || m > MaxMinutes || m % AvailabilityRules.GridMinutes != 0)
            {
                errors.Add(new FieldError(minutesField, $"Row {i + 1}: a length must be 15 to {MaxMinutes} minutes in steps of 15 (45, 60, 75, 90...)."));
            }
            else if (!seen.Add(m))
            {
                errors.Add(new FieldError(minutesField, $"Row {i + 1}: {m} minutes is listed twice."));
            }
            else
            {
                minutes = m;
            }

            var priceText = row.Price?.Trim().TrimStart('£').Trim();
            decimal? price = null;
            if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p))
            {
                errors.Add(new FieldError(priceField, $"Row {i + 1}: enter the price in pounds, for example 65 or 72.50."));
            }
            else if (p <= 0 || p > MaxPrice)
            {
                errors.Add(new FieldError(priceField, $"Row {i + 1}: the price must be more than £0 and at most £{MaxPrice:0}."));
            }
            else if (decimal.Round(p, 2) != p)
            {
                errors.Add(new FieldError(priceField, $"Row {i + 1}: a price has at most two decimals (pence)."));
            }
            else
            {
                price = p;
            }

            if (minutes is int okMinutes && price is decimal okPrice)
            {
                options.Add(new ServiceOptionValue(okMinutes, okPrice));
            }
        }

        if (options.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("Options", "Enter at least one length and its price, for example 60 minutes for £65."));
        }

        return (options.OrderBy(o => o.Minutes).ToList(), errors);
    }
}
