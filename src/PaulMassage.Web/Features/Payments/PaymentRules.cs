using System.Globalization;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A UK tax year: 6 April to 5 April. <see cref="StartYear"/> 2026 is "2026/27".</summary>
public readonly record struct TaxYear(int StartYear)
{
    public DateOnly First => new(StartYear, 4, 6);

    /// <summary>The day after the last (6 April of the next year), for half-open ranges.</summary>
    public DateOnly End => new(StartYear + 1, 4, 6);

    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";

    public static TaxYear Containing(DateOnly day) =>
        new(day < new DateOnly(day.Year, 4, 6) ? day.Year - 1 : day.Year);
}

/// <summary>
/// The payment rules, with no database or web types: what a visit's payment may be, the fee for a
/// missed visit, and how the terms are put into words for clients.
/// </summary>
public static class PaymentRules
{
    public const decimal MaxAmountGbp = 10_000m;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Each method alone, in the order forms and sentences list them.</summary>
    public static readonly IReadOnlyList<PaymentMethods> Methods = [PaymentMethods.Cash, PaymentMethods.Card, PaymentMethods.BankTransfer];

    public static string Name(PaymentMethods method) => method switch
    {
        PaymentMethods.Cash => "cash",
        PaymentMethods.Card => "card",
        PaymentMethods.BankTransfer => "bank transfer",
        _ => "not paid yet",
    };

    public static string KindName(PaymentKind kind) => kind switch
    {
        PaymentKind.NoShowFee => "no-show fee",
        PaymentKind.LateCancellationFee => "late cancellation fee",
        _ => "visit",
    };

    /// <summary>The fee the settings charge for a missed visit; null when there is none (or for a visit).</summary>
    public static decimal? FeeFor(PaymentKind kind, PaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var fee = kind switch
        {
            PaymentKind.NoShowFee => settings.NoShowFeeGbp,
            PaymentKind.LateCancellationFee => settings.LateCancellationFeeGbp,
            _ => null,
        };
        return fee is > 0 ? fee : null;
    }

    /// <summary>
    /// Reads an amount in pounds as typed ("70", "£70.50", "1,200"): null and a message when it is
    /// not a sum of money from 0 to 10,000 with at most two decimals.
    /// </summary>
    public static (decimal? Amount, string? Error) ParseAmount(string? text)
    {
        var cleaned = (text ?? string.Empty).Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            return (null, "Enter the amount in pounds, for example 70 or 62.50.");
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || decimal.Round(amount, 2) != amount)
        {
            return (null, "Enter the amount in pounds and pence, for example 70 or 62.50.");
        }

        return amount > MaxAmountGbp
            ? (null, $"The amount cannot be more than {Wording.Money(MaxAmountGbp)}.")
            : (amount, null);
    }

    /// <summary>
    /// A payment recorded at the visit: paid by one method the practice accepts, or owed. The
    /// message is for the form's Method field.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckVisitPayment(bool paid, PaymentMethods method, PaymentMethods accepted)
    {
        if (paid && (method == PaymentMethods.None || !Methods.Contains(method)))
        {
            return [new FieldError("Method", "Choose how the client paid, or mark the amount as owed.")];
        }

        return paid && !accepted.HasFlag(method)
            ? [new FieldError("Method", $"Paying by {Name(method)} is not among your accepted methods (Settings, Payments).")]
            : [];
    }

    /// <summary>"cash, card or bank transfer".</summary>
    public static string MethodsSentence(PaymentMethods accepted)
    {
        var names = Methods.Where(m => accepted.HasFlag(m)).Select(m => m == PaymentMethods.Card ? "card (contactless or chip and PIN, on a card reader)" : Name(m)).ToList();
        return names.Count switch
        {
            0 => "ask Paul how to pay",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }

    /// <summary>"Payment is due at the end of the visit." or "... within 7 days of the visit."</summary>
    public static string DueSentence(int dueDaysAfterVisit) => dueDaysAfterVisit <= 0
        ? "Payment is due at the end of the visit."
        : $"Payment is due within {Wording.Count(dueDaysAfterVisit, "day")} of the visit.";

    /// <summary>The fees for missed visits in one sentence, or null when there are none.</summary>
    public static string? FeesSentence(PaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var noShow = FeeFor(PaymentKind.NoShowFee, settings);
        var late = FeeFor(PaymentKind.LateCancellationFee, settings);
        return (noShow, late) switch
        {
            (null, null) => null,
            ({ } n, null) => $"If nobody is in when Paul arrives, a fee of {Wording.Money(n)} is charged.",
            (null, { } l) => $"A visit called off less than {Notice} hours before it starts is charged a fee of {Wording.Money(l)}.",
            ({ } n, { } l) => $"A visit called off less than {Notice} hours before it starts is charged a fee of {Wording.Money(l)}, and {Wording.Money(n)} if nobody is in when Paul arrives.",
        };
    }

    private static string Notice => CancellationPolicy.Notice.TotalHours.ToString("0", British);

    /// <summary>The VAT included in a VAT-inclusive amount at <paramref name="ratePercent"/>, to the penny.</summary>
    public static decimal VatIncluded(decimal amount, decimal ratePercent) =>
        ratePercent <= 0 ? 0m : decimal.Round(amount * ratePercent / (100m + ratePercent), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A credit note as typed: an amount above £0 and no more than what is left of the receipt after
    /// earlier credit notes, and a reason (up to 300 characters). The amount, or the messages beside the fields.
    /// </summary>
    public static (decimal? Amount, IReadOnlyList<FieldError> Errors) CheckCreditNote(string? amountText, string? reason, decimal leftGbp)
    {
        var errors = new List<FieldError>();
        var (amount, error) = ParseAmount(amountText);
        if (error is not null || amount is not > 0)
        {
            errors.Add(new FieldError("Amount", error ?? "Enter the amount to credit, more than £0."));
        }
        else if (amount > leftGbp)
        {
            errors.Add(new FieldError("Amount", leftGbp <= 0
                ? "This receipt has been credited in full already."
                : $"At most {Wording.Money(leftGbp)} can be credited against this receipt."));
        }

        var why = (reason ?? string.Empty).Trim();
        if (why.Length == 0)
        {
            errors.Add(new FieldError("Reason", "Say why, for example \"Refund: visit cut short\" or \"Wrong amount recorded\"."));
        }
        else if (why.Length > 300)
        {
            errors.Add(new FieldError("Reason", "Keep the reason under 300 characters."));
        }

        return (errors.Count == 0 ? amount : null, errors);
    }

    /// <summary>A paid visit in a sentence for Paul: "£70 paid by card.", "£50 paid by gift voucher and £20 by cash.", "Paid from the client's course package."</summary>
    public static string PaidSentence(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var parts = new List<string>();
        if (payment.VoucherGbp > 0)
        {
            parts.Add($"{Wording.Money(payment.VoucherGbp)} paid by gift voucher");
        }

        if (payment.Method != PaymentMethods.None)
        {
            parts.Add(parts.Count == 0 ? $"{Wording.Money(payment.AmountGbp)} paid by {Name(payment.Method)}" : $"{Wording.Money(payment.AmountGbp)} by {Name(payment.Method)}");
        }

        return parts.Count == 0 && payment.PackageId is not null
            ? "Paid from the client's course package."
            : string.Join(" and ", parts) + ".";
    }

    /// <summary>"C-000007": a credit note's number as printed (its own sequence).</summary>
    public static string CreditNoteLabel(int number) => "C-" + number.ToString("000000", British);

    /// <summary>"R-000042": the receipt number as printed.</summary>
    public static string ReceiptLabel(int number) => "R-" + number.ToString("000000", British);
}
