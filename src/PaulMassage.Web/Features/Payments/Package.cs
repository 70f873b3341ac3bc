using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;

namespace PaulMassage.Web.Features.Payments;

/// <summary>The price of a course of <see cref="Visits"/> visits of one treatment and length bought together, set by Paul.</summary>
public class PackagePrice
{
    public int Id { get; set; }

    public int ServiceId { get; set; }

    public int Minutes { get; set; }

    public int Visits { get; set; }

    public decimal PriceGbp { get; set; }
}

/// <summary>
/// A course package a client bought: paid once, with the first of its visits (that visit's payment
/// is the package's price, on one receipt); each later visit of the same treatment and length draws
/// one visit from it (a payment of £0 that points here). Visits left = <see cref="Visits"/> less the
/// payments that point here.
/// </summary>
public class PackagePurchase
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    public Client? Client { get; set; }

    public int ServiceId { get; set; }

    public Service? Service { get; set; }

    public int Minutes { get; set; }

    public int Visits { get; set; }

    public decimal PriceGbp { get; set; }

    public DateTime BoughtUtc { get; set; }
}

/// <summary>
/// A credit note: a refund or correction of a receipt, which is never edited. Its own number from
/// its own sequence with no gaps (<see cref="PaymentRules.CreditNoteLabel"/>), and the payment whose
/// receipt it corrects.
/// </summary>
public class CreditNote
{
    public int Id { get; set; }

    public int Number { get; set; }

    public int PaymentId { get; set; }

    public Payment? Payment { get; set; }

    public decimal AmountGbp { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime IssuedUtc { get; set; }
}

internal sealed class PackagePriceConfiguration : IEntityTypeConfiguration<PackagePrice>
{
    public void Configure(EntityTypeBuilder<PackagePrice> builder)
    {
        builder.HasOne<Service>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ServiceId, p.Minutes }).IsUnique();
    }
}

internal sealed class PackagePurchaseConfiguration : IEntityTypeConfiguration<PackagePurchase>
{
    public void Configure(EntityTypeBuilder<PackagePurchase> builder)
    {
        builder.HasOne(p => p.Client).WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Service).WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ClientId, p.ServiceId, p.Minutes });
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.HasOne(c => c.Payment).WithMany().HasForeignKey(c => c.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.IssuedUtc);
        builder.Property(c => c.Reason).HasMaxLength(300);
    }
}

/// <summary>The course package rules, pure: the saving, and the words for the service page and the finish flow.</summary>
public static class PackageRules
{
    public const int MinVisits = 2;
    public const int MaxVisits = 20;

    /// <summary>What buying the course saves against paying for each visit: never below 0.</summary>
    public static decimal Saving(decimal visitPriceGbp, int visits, decimal packagePriceGbp) =>
        Math.Max(0m, (visitPriceGbp * visits) - packagePriceGbp);

    /// <summary>"6 visits for £390, saving £30" (without the saving when there is none).</summary>
    public static string Offer(decimal visitPriceGbp, int visits, decimal packagePriceGbp)
    {
        var saving = Saving(visitPriceGbp, visits, packagePriceGbp);
        return $"{visits} visits for {Site.Wording.Money(packagePriceGbp)}" + (saving > 0 ? $", saving {Site.Wording.Money(saving)}" : string.Empty);
    }

    /// <summary>A package price as Paul types it: null when it is fine (visits from 2 to 20, a price above £0 up to the visits' full price).</summary>
    public static string? Check(int visits, decimal priceGbp, decimal visitPriceGbp) =>
        visits is < MinVisits or > MaxVisits ? $"A course is from {MinVisits} to {MaxVisits} visits."
        : priceGbp <= 0 ? "Enter the course's price, more than £0."
        : priceGbp > visitPriceGbp * visits ? $"That is more than {visits} single visits cost ({Site.Wording.Money(visitPriceGbp * visits)})."
        : null;

    /// <summary>Visits left on a package with <paramref name="used"/> of its visits drawn (the first, paid, counts).</summary>
    public static int Left(int visits, int used) => Math.Max(0, visits - used);
}
