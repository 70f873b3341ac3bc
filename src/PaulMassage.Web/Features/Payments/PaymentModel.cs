using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Payments;

/// <summary>How a client pays. As a set (<see cref="PaymentSettings.AcceptedMethods"/>) it is what the practice accepts; one value is how a payment was made.</summary>
[Flags]
public enum PaymentMethods
{
    None = 0,
    Cash = 1,
    Card = 2,
    BankTransfer = 4,
}

/// <summary>What a payment is for: the visit itself, or a fee for a visit that did not happen.</summary>
public enum PaymentKind
{
    Visit = 0,
    NoShowFee = 1,
    LateCancellationFee = 2,
}

/// <summary>
/// How and when the practice is paid, its fees for missed visits and what its receipts say: one row,
/// edited by the therapist (/admin/settings/payments). Until he first saves, the defaults apply.
/// </summary>
public class PaymentSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public PaymentMethods AcceptedMethods { get; set; } = PaymentMethods.Cash | PaymentMethods.Card | PaymentMethods.BankTransfer;

    /// <summary>Account name, sort code and account number, given to clients who pay by bank transfer.</summary>
    public string BankDetails { get; set; } = string.Empty;

    /// <summary>0: at the end of the visit; otherwise within this many days after it.</summary>
    public int DueDaysAfterVisit { get; set; }

    /// <summary>Charged for a no-show; null: no fee.</summary>
    public decimal? NoShowFeeGbp { get; set; }

    /// <summary>Charged when the client calls off inside the notice period; null: no fee.</summary>
    public decimal? LateCancellationFeeGbp { get; set; }

    /// <summary>The practice's postal address, printed on receipts (several lines).</summary>
    public string ReceiptAddress { get; set; } = string.Empty;

    /// <summary>Empty when the practice is not VAT-registered (receipts then say so).</summary>
    public string VatNumber { get; set; } = string.Empty;

    /// <summary>The VAT rate included in prices, when VAT-registered (for example 20).</summary>
    public decimal VatRatePercent { get; set; }

    /// <summary>Payments and receipts are kept this many years after the end of their UK tax year, even once the client is erased.</summary>
    public int KeepYearsAfterTaxYear { get; set; } = 6;

    public bool VatRegistered => VatNumber.Length > 0;
}

/// <summary>
/// Money for one visit: what it came to, and whether and how it was paid. One per visit (the visit
/// itself when completed, or the fee for a no-show or a late cancellation). A paid payment has a
/// receipt number from one sequence with no gaps (<see cref="VisitPayments"/>); kept when the
/// client's data is erased (the client's name is replaced there, the figures stay).
/// </summary>
public class Payment
{
    private Payment()
    {
    }

    public int Id { get; private set; }

    public int AppointmentId { get; private set; }

    public Appointment? Appointment { get; private set; }

    public PaymentKind Kind { get; private set; }

    /// <summary>The money the client pays (or owes), after any voucher.</summary>
    public decimal AmountGbp { get; private set; }

    /// <summary>What a gift voucher paid of the visit (its use is in <see cref="VoucherRedemption"/>); 0 when none.</summary>
    public decimal VoucherGbp { get; private set; }

    /// <summary>The course package this visit was paid with (bought now, the package's price being the amount, or drawn on at £0).</summary>
    public int? PackageId { get; private set; }

    public PackagePurchase? Package { get; private set; }

    /// <summary>How it was paid; None while it is owed, or when a voucher or a package paid it all.</summary>
    public PaymentMethods Method { get; private set; }

    public DateTime RecordedUtc { get; private set; }

    /// <summary>When it was paid; null while it is owed.</summary>
    public DateTime? PaidUtc { get; private set; }

    /// <summary>The receipt's number, given when paid; one sequence, no gaps.</summary>
    public int? ReceiptNumber { get; private set; }

    public bool IsOwed => PaidUtc is null;

    /// <summary>Whether a payment is paid at once: by a method, or nothing left to pay after a voucher.</summary>
    public static bool PaidAtOnce(decimal amountGbp, PaymentMethods method, decimal voucherGbp, bool fromPackage = false) =>
        method != PaymentMethods.None || (amountGbp == 0 && (voucherGbp > 0 || fromPackage));

    /// <summary>
    /// Paid at once (<paramref name="receiptNumber"/> given; by a method, or all of it by a voucher) or
    /// owed (<paramref name="method"/> None, no number).
    /// </summary>
    public static Payment Record(int appointmentId, PaymentKind kind, decimal amountGbp, PaymentMethods method, int? receiptNumber, DateTime nowUtc, decimal voucherGbp = 0m, PackagePurchase? package = null)
    {
        var paid = PaidAtOnce(amountGbp, method, voucherGbp, package is not null);
        if (paid == (receiptNumber is null))
        {
            throw new ArgumentException("A paid payment needs its receipt number; an owed one has none.");
        }

        return new Payment
        {
            AppointmentId = appointmentId,
            Kind = kind,
            AmountGbp = amountGbp,
            VoucherGbp = voucherGbp,
            Package = package,
            Method = method,
            RecordedUtc = nowUtc,
            PaidUtc = paid ? nowUtc : null,
            ReceiptNumber = receiptNumber,
        };
    }

    /// <summary>An owed amount is paid: it gets its method and the next receipt number.</summary>
    public void Settle(PaymentMethods method, int receiptNumber, DateTime nowUtc)
    {
        if (!IsOwed || method == PaymentMethods.None || !Enum.IsDefined(method))
        {
            throw new InvalidOperationException("Only an owed payment is settled, by one method.");
        }

        Method = method;
        PaidUtc = nowUtc;
        ReceiptNumber = receiptNumber;
    }
}

internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettings>
{
    public void Configure(EntityTypeBuilder<PaymentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AcceptedMethods).HasConversion<int>();
        builder.Property(s => s.BankDetails).HasMaxLength(300);
        builder.Property(s => s.ReceiptAddress).HasMaxLength(300);
        builder.Property(s => s.VatNumber).HasMaxLength(20);
        builder.Property(s => s.VatRatePercent).HasPrecision(5, 2);
        builder.Ignore(s => s.VatRegistered);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasOne(p => p.Appointment).WithMany().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Package).WithMany().HasForeignKey(p => p.PackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.AppointmentId).IsUnique();
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
        builder.HasIndex(p => new { p.PaidUtc, p.Method });
        builder.Property(p => p.Kind).HasConversion<int>();
        builder.Property(p => p.Method).HasConversion<int>();
        builder.Ignore(p => p.IsOwed);
    }
}
