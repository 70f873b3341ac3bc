using System.Globalization;
using System.Security.Cryptography;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>
/// Voucher codes: twelve characters from 32 that cannot be mistaken for one another (no 0, O, 1 or
/// I), drawn by the system's cryptographic random generator (60 bits: not guessable) and written in
/// three groups of four, "ABCD-EFGH-JKLM". Typed codes are read leniently: any case, spaces or dashes.
/// </summary>
public static class VoucherCodes
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int Length = 12;

    public const int GroupSize = 4;

    /// <summary>With the two dashes.</summary>
    public const int GroupedLength = Length + (Length / GroupSize) - 1;

    public static string New() => Group(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>The code as printed, or null when what was typed cannot be a voucher code.</summary>
    public static string? Normalise(string? typed)
    {
        var bare = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return bare.Length == Length && bare.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Group(bare) : null;
    }

    private static string Group(string bare) =>
        string.Join('-', Enumerable.Range(0, Length / GroupSize).Select(i => bare.Substring(i * GroupSize, GroupSize)));
}

/// <summary>Why a code cannot be used (or that it can).</summary>
public enum VoucherStanding
{
    Usable,
    Unknown,
    Expired,
    Spent,
    ExpiresBeforeVisit,
    OtherTreatment,
}

/// <summary>A voucher as the rules see it.</summary>
public sealed record VoucherState(VoucherKind Kind, decimal BalanceGbp, DateOnly ExpiresOn, int? ServiceId, int? Minutes, string? TreatmentName);

/// <summary>
/// The voucher rules, with no database or web types: whether a voucher can pay for a visit, how
/// much of it it pays, and the words for clients and Paul. The messages never name the buyer or the
/// recipient, so a code typed by someone else tells them no more than its value and date.
/// </summary>
public static class VoucherRules
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The longest a voucher may last: two years (and at least until tomorrow).</summary>
    public const int MaxMonths = 24;

    /// <summary>
    /// Whether <paramref name="voucher"/> (null: no such code) can pay for a visit of this treatment
    /// on <paramref name="visitDay"/>, today being <paramref name="today"/>.
    /// </summary>
    public static VoucherStanding Check(VoucherState? voucher, DateOnly today, DateOnly visitDay, int serviceId, int minutes)
    {
        if (voucher is null)
        {
            return VoucherStanding.Unknown;
        }

        if (voucher.ExpiresOn < today)
        {
            return VoucherStanding.Expired;
        }

        if (voucher.BalanceGbp <= 0)
        {
            return VoucherStanding.Spent;
        }

        if (voucher.ExpiresOn < visitDay)
        {
            return VoucherStanding.ExpiresBeforeVisit;
        }

        return voucher.Kind == VoucherKind.Treatment && (voucher.ServiceId != serviceId || voucher.Minutes != minutes)
            ? VoucherStanding.OtherTreatment
            : VoucherStanding.Usable;
    }

    /// <summary>
    /// How much of <paramref name="dueGbp"/> the voucher pays: all of it for a treatment voucher at its
    /// own treatment (whatever the price is now), otherwise up to its balance. The rest is paid as usual.
    /// </summary>
    public static decimal Covers(VoucherState voucher, decimal dueGbp)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        if (dueGbp <= 0 || voucher.BalanceGbp <= 0)
        {
            return 0m;
        }

        return voucher.Kind == VoucherKind.Treatment ? dueGbp : Math.Min(voucher.BalanceGbp, dueGbp);
    }

    /// <summary>What the voucher uses from its balance when it pays <paramref name="coveredGbp"/>: a treatment voucher is used up.</summary>
    public static decimal Uses(VoucherState voucher, decimal coveredGbp)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.Kind == VoucherKind.Treatment ? voucher.BalanceGbp : coveredGbp;
    }

    /// <summary>The message beside the code field, or null when it can be used.</summary>
    public static string? Message(VoucherStanding standing, VoucherState? voucher) => standing switch
    {
        VoucherStanding.Usable => null,
        VoucherStanding.Expired => $"This voucher expired on {voucher!.ExpiresOn.ToString("d MMMM yyyy", British)} and can no longer be used.",
        VoucherStanding.Spent => "This voucher has been used up: nothing is left on it.",
        VoucherStanding.ExpiresBeforeVisit => $"This voucher expires on {voucher!.ExpiresOn.ToString("d MMMM yyyy", British)}, before this visit. Choose an earlier time, or leave the code out.",
        VoucherStanding.OtherTreatment => $"This voucher is for {Describe(voucher!)}: choose that treatment and length to use it.",
        _ => "We do not recognise this code. Check it against the voucher: 12 letters and numbers, like ABCD-EFGH-JKLM.",
    };

    /// <summary>"£50" or "a 60-minute Deep tissue massage".</summary>
    public static string Describe(VoucherState voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.Kind == VoucherKind.Treatment
            ? $"a {voucher.Minutes}-minute {voucher.TreatmentName}"
            : Wording.Money(voucher.BalanceGbp);
    }

    /// <summary>What it is worth now, in words: "£30 left of £50" or "one 60-minute Deep tissue massage".</summary>
    public static string Balance(VoucherState voucher, decimal valueGbp)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        if (voucher.BalanceGbp <= 0)
        {
            return "used up";
        }

        return voucher.Kind == VoucherKind.Treatment
            ? $"one {voucher.Minutes}-minute {voucher.TreatmentName}"
            : voucher.BalanceGbp == valueGbp ? Wording.Money(valueGbp) : $"{Wording.Money(voucher.BalanceGbp)} left of {Wording.Money(valueGbp)}";
    }

    /// <summary>The expiry Paul may give: from tomorrow to two years ahead.</summary>
    public static string? CheckExpiry(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => "Choose the last day the voucher can be used.",
        { } day when day <= today => "The expiry date must be after today.",
        { } day when day > today.AddMonths(MaxMonths) => $"A voucher can last at most {MaxMonths / 12} years.",
        _ => null,
    };
}
