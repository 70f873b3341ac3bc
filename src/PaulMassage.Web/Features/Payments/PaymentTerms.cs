using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Payments;

/// <summary>How to pay, in words for clients: shown on the service pages, the booking form, the confirmation e-mail and the manage page.</summary>
public sealed record HowToPay(string Methods, string Due, string? BankDetails, string? Fees)
{
    /// <summary>The whole of it as one paragraph (for e-mails).</summary>
    public string Sentence => $"You can pay by {Methods}. {Due}"
        + (BankDetails is null ? string.Empty : $" For a bank transfer: {BankDetails}.")
        + (Fees is null ? string.Empty : " " + Fees);

    public static HowToPay From(PaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bank = settings.AcceptedMethods.HasFlag(PaymentMethods.BankTransfer) && settings.BankDetails.Length > 0
            ? settings.BankDetails.Replace("\n", ", ", StringComparison.Ordinal)
            : null;
        return new HowToPay(PaymentRules.MethodsSentence(settings.AcceptedMethods), PaymentRules.DueSentence(settings.DueDaysAfterVisit), bank, PaymentRules.FeesSentence(settings));
    }
}

/// <summary>The therapist's payment settings form; amounts are kept as typed so a mistake stays on screen.</summary>
public sealed class PaymentSettingsForm
{
    public bool Cash { get; set; }

    public bool Card { get; set; }

    public bool BankTransfer { get; set; }

    [StringLength(300, ErrorMessage = "Keep the bank details under 300 characters.")]
    [DataType(DataType.MultilineText)]
    public string? BankDetails { get; set; }

    public int? DueDaysAfterVisit { get; set; }

    public string? NoShowFee { get; set; }

    public string? LateCancellationFee { get; set; }

    [StringLength(300, ErrorMessage = "Keep the address under 300 characters.")]
    [DataType(DataType.MultilineText)]
    public string? ReceiptAddress { get; set; }

    [StringLength(20, ErrorMessage = "A VAT number is at most 20 characters.")]
    public string? VatNumber { get; set; }

    public string? VatRatePercent { get; set; }

    public int? KeepYearsAfterTaxYear { get; set; }

    public static PaymentSettingsForm From(PaymentSettings s) => new()
    {
        Cash = s.AcceptedMethods.HasFlag(PaymentMethods.Cash),
        Card = s.AcceptedMethods.HasFlag(PaymentMethods.Card),
        BankTransfer = s.AcceptedMethods.HasFlag(PaymentMethods.BankTransfer),
        BankDetails = s.BankDetails,
        DueDaysAfterVisit = s.DueDaysAfterVisit,
        NoShowFee = s.NoShowFeeGbp?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        LateCancellationFee = s.LateCancellationFeeGbp?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        ReceiptAddress = s.ReceiptAddress,
        VatNumber = s.VatNumber,
        VatRatePercent = s.VatRegistered ? s.VatRatePercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : null,
        KeepYearsAfterTaxYear = s.KeepYearsAfterTaxYear,
    };

    /// <summary>The settings the form describes, or the messages beside the fields that are wrong.</summary>
    public (PaymentSettings? Settings, IReadOnlyList<FieldError> Errors) Read()
    {
        var errors = new List<FieldError>();
        var methods = (Cash ? PaymentMethods.Cash : 0) | (Card ? PaymentMethods.Card : 0) | (BankTransfer ? PaymentMethods.BankTransfer : 0);
        if (methods == PaymentMethods.None)
        {
            errors.Add(new FieldError(nameof(Cash), "Choose at least one way clients can pay."));
        }

        var bank = (BankDetails ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Trim();
        if (BankTransfer && bank.Length == 0)
        {
            errors.Add(new FieldError(nameof(BankDetails), "Give the account name, sort code and account number, so clients can pay by transfer."));
        }

        if (DueDaysAfterVisit is not (>= 0 and <= 60))
        {
            errors.Add(new FieldError(nameof(DueDaysAfterVisit), "Enter 0 (at the visit) or a number of days up to 60."));
        }

        var noShow = Fee(NoShowFee, nameof(NoShowFee), errors);
        var late = Fee(LateCancellationFee, nameof(LateCancellationFee), errors);
        var vatNumber = (VatNumber ?? string.Empty).Trim().ToUpperInvariant();
        decimal vatRate = 0;
        if (vatNumber.Length > 0)
        {
            if (!decimal.TryParse((VatRatePercent ?? string.Empty).Trim().TrimEnd('%'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out vatRate) || vatRate is <= 0 or > 100)
            {
                errors.Add(new FieldError(nameof(VatRatePercent), "Enter the VAT rate in your prices, for example 20."));
            }
        }

        if (KeepYearsAfterTaxYear is not (>= 6 and <= 20))
        {
            errors.Add(new FieldError(nameof(KeepYearsAfterTaxYear), "Keep payment records for at least 6 years after the tax year (HMRC's rule), at most 20."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new PaymentSettings
        {
            AcceptedMethods = methods,
            BankDetails = bank,
            DueDaysAfterVisit = DueDaysAfterVisit!.Value,
            NoShowFeeGbp = noShow,
            LateCancellationFeeGbp = late,
            ReceiptAddress = (ReceiptAddress ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Trim(),
            VatNumber = vatNumber,
            VatRatePercent = vatNumber.Length > 0 ? vatRate : 0,
            KeepYearsAfterTaxYear = KeepYearsAfterTaxYear!.Value,
        }, errors);
    }

    private static decimal? Fee(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var (amount, error) = PaymentRules.ParseAmount(text);
        if (error is not null)
        {
            errors.Add(new FieldError(field, error + " Leave it empty for no fee."));
        }

        return amount is > 0 ? amount : null;
    }
}

/// <summary>
/// The practice's payment settings: read (kept in memory until the public content changes, as
/// the public pages show them) and saved from the back office.
/// </summary>
public sealed class PaymentTerms(AppDbContext db, IMemoryCache cache, PublicContentVersion contentVersion, PublicContentChanged publicContent)
{
    private const string CacheKey = "payments:settings";

    public async Task<PaymentSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out PaymentSettings? cached) && cached is not null)
        {
            return cached;
        }

        var changed = contentVersion.Token;
        var settings = await db.PaymentSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new PaymentSettings();
        cache.Set(CacheKey, settings, new MemoryCacheEntryOptions().AddExpirationToken(changed).SetAbsoluteExpiration(PublicContent.Lifetime));
        return settings;
    }

    public async Task<HowToPay> HowToPayAsync(CancellationToken cancellationToken = default) =>
        HowToPay.From(await SettingsAsync(cancellationToken));

    public async Task SaveAsync(PaymentSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var row = await db.PaymentSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            db.PaymentSettings.Add(settings);
        }
        else
        {
            db.Entry(row).CurrentValues.SetValues(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("payments", cancellationToken);
    }
}
