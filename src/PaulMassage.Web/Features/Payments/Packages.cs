using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A package price as the service page and the settings show it.</summary>
public sealed record PackageOffer(int ServiceId, int Minutes, int Visits, decimal PriceGbp);

/// <summary>What the finish flow offers for a visit: the client's package with visits left, or the course to buy, or neither.</summary>
public sealed record PackageChoice(PackageOffer? Offer, int? OpenPackageId, int VisitsLeft, int Visits, DateTimeOffset? LocalBought)
{
    public bool CanDraw => OpenPackageId is not null && VisitsLeft > 0;
}

/// <summary>
/// Course packages: Paul's prices for N visits of one treatment and length bought together
/// (/admin/settings/packages, shown on the service page with the saving), and the packages clients
/// bought: paid with the first visit, drawn on by the later ones in the finish flow.
/// </summary>
public sealed class Packages(AppDbContext db, PracticeClock clock, PublicContentChanged publicContent)
{
    public async Task<IReadOnlyList<PackageOffer>> PricesAsync(CancellationToken cancellationToken = default) =>
        await db.PackagePrices.AsNoTracking().OrderBy(p => p.ServiceId).ThenBy(p => p.Minutes)
            .Select(p => new PackageOffer(p.ServiceId, p.Minutes, p.Visits, p.PriceGbp)).ToListAsync(cancellationToken);

    /// <summary>Replaces the prices with these (a treatment and length not among them has no package).</summary>
    public async Task SaveAsync(IReadOnlyList<PackageOffer> offers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offers);
        db.PackagePrices.RemoveRange(await db.PackagePrices.ToListAsync(cancellationToken));
        db.PackagePrices.AddRange(offers.Select(o => new PackagePrice { ServiceId = o.ServiceId, Minutes = o.Minutes, Visits = o.Visits, PriceGbp = o.PriceGbp }));
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("packages", cancellationToken);
    }

    /// <summary>For the visit being finished: the client's open package of its treatment and length, else the course on offer.</summary>
    public async Task<PackageChoice?> ForVisitAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        var visit = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.ClientId, a.ServiceId, a.DurationMinutes }).SingleOrDefaultAsync(cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var open = await OpenAsync(visit.ClientId, visit.ServiceId, visit.DurationMinutes, cancellationToken);
        var offer = await db.PackagePrices.AsNoTracking().Where(p => p.ServiceId == visit.ServiceId && p.Minutes == visit.DurationMinutes)
            .Select(p => new PackageOffer(p.ServiceId, p.Minutes, p.Visits, p.PriceGbp)).SingleOrDefaultAsync(cancellationToken);
        if (open is null && offer is null)
        {
            return null;
        }

        return open is { } o
            ? new PackageChoice(offer, o.Package.Id, o.Left, o.Package.Visits, clock.ToLocal(o.Package.BoughtUtc))
            : new PackageChoice(offer, null, 0, offer!.Visits, null);
    }

    /// <summary>
    /// The package a visit is paid with, added to the caller's unit of work: "buy" starts one at its
    /// price (this visit being its first), "draw" takes a visit from the client's open one. Null and a
    /// message when that cannot be done.
    /// </summary>
    public async Task<(PackagePurchase? Package, decimal AmountGbp, string? Error)> ApplyAsync(Booking.Appointment appointment, string choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (choice == "draw")
        {
            return await OpenAsync(appointment.ClientId, appointment.ServiceId, appointment.DurationMinutes, cancellationToken) is { } open
                ? (open.Package, 0m, null)
                : (null, 0m, "this client has no course package with visits left for this treatment and length.");
        }

        var offer = await db.PackagePrices.AsNoTracking().SingleOrDefaultAsync(p => p.ServiceId == appointment.ServiceId && p.Minutes == appointment.DurationMinutes, cancellationToken);
        if (offer is null)
        {
            return (null, 0m, "there is no course package for this treatment and length (Settings, Packages).");
        }

        var package = new PackagePurchase
        {
            ClientId = appointment.ClientId,
            ServiceId = appointment.ServiceId,
            Minutes = appointment.DurationMinutes,
            Visits = offer.Visits,
            PriceGbp = offer.PriceGbp,
            BoughtUtc = clock.UtcNow,
        };
        db.PackagePurchases.Add(package);
        return (package, offer.PriceGbp, null);
    }

    private async Task<(PackagePurchase Package, int Left)?> OpenAsync(int clientId, int serviceId, int minutes, CancellationToken cancellationToken)
    {
        var packages = await db.PackagePurchases
            .Where(p => p.ClientId == clientId && p.ServiceId == serviceId && p.Minutes == minutes)
            .OrderBy(p => p.BoughtUtc)
            .Select(p => new { Package = p, Used = db.Payments.Count(q => q.PackageId == p.Id) })
            .ToListAsync(cancellationToken);
        return packages.Where(p => PackageRules.Left(p.Package.Visits, p.Used) > 0)
            .Select(p => ((PackagePurchase, int)?)(p.Package, PackageRules.Left(p.Package.Visits, p.Used))).FirstOrDefault();
    }
}
