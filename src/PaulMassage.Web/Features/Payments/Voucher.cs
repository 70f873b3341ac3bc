using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Payments;

/// <summary>What a gift voucher is for: an amount of money, or one named treatment and length.</summary>
public enum VoucherKind
{
    Amount = 0,
    Treatment = 1,
}

/// <summary>
/// A gift voucher Paul issued: a code (<see cref="VoucherCodes"/>), what it is worth, until when,
/// who bought it and for whom. Its balance only goes down, through <see cref="Redeem"/>, and every
/// use is kept (<see cref="VoucherRedemption"/>). A treatment voucher is worth its treatment's price
/// on the day it was issued (<see cref="ValueGbp"/>, for the figures) and pays for one such visit.
/// </summary>
public class Voucher
{
    private Voucher()
    {
    }

    public int Id { get; private set; }

    /// <summary>"ABCD-EFGH-JKLM", unique.</summary>
    public string Code { get; private set; } = string.Empty;

    public VoucherKind Kind { get; private set; }

    /// <summary>What it was worth when issued (an amount, or the treatment's price then): what the figures count as sold.</summary>
    public decimal ValueGbp { get; private set; }

    public decimal BalanceGbp { get; private set; }

    /// <summary>The treatment of a treatment voucher.</summary>
    public int? ServiceId { get; private set; }

    public Service? Service { get; private set; }

    public int? Minutes { get; private set; }

    /// <summary>The last day it can be used (the practice's local date).</summary>
    public DateOnly ExpiresOn { get; private set; }

    [Encrypted]
    public string BuyerName { get; private set; } = string.Empty;

    [Encrypted]
    public string BuyerEmail { get; private set; } = string.Empty;

    [Encrypted]
    public string RecipientName { get; private set; } = string.Empty;

    public DateTime IssuedUtc { get; private set; }

    /// <summary>Renewed by every use, so two uses at the same moment cannot both spend the same balance.</summary>
    public Guid Version { get; private set; }

    public List<VoucherRedemption> Redemptions { get; } = [];

    public bool IsSpent => BalanceGbp <= 0;

    public static Voucher Issue(VoucherTerms terms, string code, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new Voucher
        {
            Code = code,
            Kind = terms.Kind,
            ValueGbp = terms.ValueGbp,
            BalanceGbp = terms.ValueGbp,
            ServiceId = terms.ServiceId,
            Minutes = terms.Minutes,
            ExpiresOn = terms.ExpiresOn,
            BuyerName = terms.BuyerName,
            BuyerEmail = terms.BuyerEmail,
            RecipientName = terms.RecipientName,
            IssuedUtc = nowUtc,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Uses <paramref name="amountGbp"/> of the balance for a visit (or, with no visit, a correction by Paul); every use is recorded.</summary>
    public VoucherRedemption Redeem(decimal amountGbp, int? appointmentId, DateTime nowUtc)
    {
        if (amountGbp <= 0 || amountGbp > BalanceGbp)
        {
            throw new InvalidOperationException("A voucher pays at most its balance, and more than nothing.");
        }

        BalanceGbp -= amountGbp;
        Version = Guid.NewGuid();
        var redemption = new VoucherRedemption { AppointmentId = appointmentId, AmountGbp = amountGbp, RedeemedUtc = nowUtc };
        Redemptions.Add(redemption);
        return redemption;
    }
}

/// <summary>What Paul issues: an amount or a treatment, the expiry, the buyer and the recipient.</summary>
public sealed record VoucherTerms(VoucherKind Kind, decimal ValueGbp, int? ServiceId, int? Minutes, DateOnly ExpiresOn, string BuyerName, string BuyerEmail, string RecipientName);

/// <summary>One use of a voucher: how much, when, and for which visit.</summary>
public class VoucherRedemption
{
    public int Id { get; set; }

    public int VoucherId { get; set; }

    public Voucher? Voucher { get; set; }

    public int? AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    public decimal AmountGbp { get; set; }

    public DateTime RedeemedUtc { get; set; }
}

/// <summary>A code a client gave when booking: checked then, used when Paul finishes the visit.</summary>
public class VoucherHold
{
    public int AppointmentId { get; set; }

    public int VoucherId { get; set; }

    public Voucher? Voucher { get; set; }

    public DateTime HeldUtc { get; set; }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.Property(v => v.Code).HasMaxLength(VoucherCodes.GroupedLength);
        builder.HasIndex(v => v.Code).IsUnique();
        builder.HasIndex(v => v.IssuedUtc);
        builder.Property(v => v.Kind).HasConversion<int>();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne(v => v.Service).WithMany().HasForeignKey(v => v.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Redemptions).WithOne(r => r.Voucher).HasForeignKey(r => r.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.IsSpent);
    }
}

internal sealed class VoucherRedemptionConfiguration : IEntityTypeConfiguration<VoucherRedemption>
{
    public void Configure(EntityTypeBuilder<VoucherRedemption> builder)
    {
        builder.HasOne(r => r.Appointment).WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RedeemedUtc);
    }
}

internal sealed class VoucherHoldConfiguration : IEntityTypeConfiguration<VoucherHold>
{
    public void Configure(EntityTypeBuilder<VoucherHold> builder)
    {
        builder.HasKey(h => h.AppointmentId);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(h => h.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Voucher).WithMany().HasForeignKey(h => h.VoucherId).OnDelete(DeleteBehavior.Restrict);
    }
}
