using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>One treatment and length on the packages form: the visits and the course's price, as typed (both empty: no package).</summary>
public sealed class PackageRow
{
    public int ServiceId { get; set; }

    public int Minutes { get; set; }

    public string? Visits { get; set; }

    public string? Price { get; set; }
}

/// <summary>Paul's course package prices, one row per treatment and length.</summary>
public sealed class PackagesForm
{
    public List<PackageRow> Rows { get; set; } = [];

    public static PackagesForm From(IReadOnlyList<ServiceSummary> services, IReadOnlyList<PackageOffer> offers) => new()
    {
        Rows = services.SelectMany(s => s.Options.Select(o =>
        {
            var offer = offers.FirstOrDefault(p => p.ServiceId == s.Id && p.Minutes == o.Minutes);
            return new PackageRow
            {
                ServiceId = s.Id,
                Minutes = o.Minutes,
                Visits = offer?.Visits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Price = offer?.PriceGbp.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            };
        })).ToList(),
    };

    /// <summary>The prices the form describes (rows left empty have none), or the messages beside the rows that are wrong.</summary>
    public (IReadOnlyList<PackageOffer> Offers, IReadOnlyList<FieldError> Errors) Read(IReadOnlyList<ServiceSummary> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var offers = new List<PackageOffer>();
        var errors = new List<FieldError>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var field = $"Rows[{i}].Price";
            if (string.IsNullOrWhiteSpace(row.Visits) && string.IsNullOrWhiteSpace(row.Price))
            {
                continue;
            }

            var single = services.Where(s => s.Id == row.ServiceId).SelectMany(s => s.Options).FirstOrDefault(o => o.Minutes == row.Minutes);
            if (single is null)
            {
                continue;
            }

            var (price, priceError) = PaymentRules.ParseAmount(row.Price);
            if (!int.TryParse(row.Visits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var visits))
            {
                errors.Add(new FieldError(field, $"Enter how many visits the course has ({PackageRules.MinVisits} to {PackageRules.MaxVisits}), or leave both empty."));
            }
            else if (priceError is not null)
            {
                errors.Add(new FieldError(field, priceError));
            }
            else if (PackageRules.Check(visits, price!.Value, single.PriceGbp) is { } error)
            {
                errors.Add(new FieldError(field, error));
            }
            else
            {
                offers.Add(new PackageOffer(row.ServiceId, row.Minutes, visits, price.Value));
            }
        }

        return (offers, errors);
    }
}
