using PaulMassage.Web.Features.Payments;

namespace PaulMassage.UnitTests.Features.Payments;

/// <summary>Voucher codes, what a voucher pays, its balance and its expiry; course package prices; credit notes as typed.</summary>
public sealed class VoucherRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static VoucherState Amount(decimal balance, DateOnly? expires = null) =>
        new(VoucherKind.Amount, balance, expires ?? new DateOnly(2027, 12, 31), null, null, null);

    private static VoucherState Treatment(decimal balance = 70m) =>
        new(VoucherKind.Treatment, balance, new DateOnly(2027, 12, 31), 2, 60, "Deep tissue massage");

    [Fact]
    public void a_new_code_is_three_groups_of_four_from_an_alphabet_without_look_alikes()
    {
        Assert.Equal(32, VoucherCodes.Alphabet.Length);
        Assert.DoesNotContain('0', VoucherCodes.Alphabet);
        Assert.DoesNotContain('O', VoucherCodes.Alphabet);
        Assert.DoesNotContain('1', VoucherCodes.Alphabet);
        Assert.DoesNotContain('I', VoucherCodes.Alphabet);
        var codes = Enumerable.Range(0, 500).Select(_ => VoucherCodes.New()).ToList();
        Assert.All(codes, code =>
        {
            Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
            Assert.All(code.Replace("-", string.Empty, StringComparison.Ordinal), c => Assert.Contains(c, VoucherCodes.Alphabet));
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("abcd-efgh-jklm", "ABCD-EFGH-JKLM")]
    [InlineData(" ABCD EFGH JKLM ", "ABCD-EFGH-JKLM")]
    [InlineData("ABCDEFGHJKLM", "ABCD-EFGH-JKLM")]
    [InlineData("ABCD-EFGH-JKL0", null)]
    [InlineData("ABCD-EFGH-JKLI", null)]
    [InlineData("ABCD-EFGH", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void a_typed_code_is_read_in_any_case_with_or_without_spaces_and_dashes(string? typed, string? code) =>
        Assert.Equal(code, VoucherCodes.Normalise(typed));

    [Fact]
    public void an_amount_voucher_pays_up_to_its_balance_and_a_partial_use_leaves_the_rest()
    {
        Assert.Equal(50m, VoucherRules.Covers(Amount(50m), 70m));
        Assert.Equal(70m, VoucherRules.Covers(Amount(100m), 70m));
        Assert.Equal(70m, VoucherRules.Uses(Amount(100m), 70m));
        Assert.Equal(0m, VoucherRules.Covers(Amount(0m), 70m));
        Assert.Equal("£30 left of £100", VoucherRules.Balance(Amount(30m), 100m));
        Assert.Equal("£100", VoucherRules.Balance(Amount(100m), 100m));
        Assert.Equal("used up", VoucherRules.Balance(Amount(0m), 100m));
    }

    [Fact]
    public void a_treatment_voucher_pays_its_treatment_whatever_the_price_now_and_is_then_used_up()
    {
        Assert.Equal(80m, VoucherRules.Covers(Treatment(), 80m));
        Assert.Equal(70m, VoucherRules.Uses(Treatment(), 80m));
        Assert.Equal(VoucherStanding.Usable, VoucherRules.Check(Treatment(), Today, Today, 2, 60));
        Assert.Equal(VoucherStanding.OtherTreatment, VoucherRules.Check(Treatment(), Today, Today, 2, 90));
        Assert.Contains("a 60-minute Deep tissue massage", VoucherRules.Message(VoucherStanding.OtherTreatment, Treatment()), StringComparison.Ordinal);
    }

    [Fact]
    public void a_voucher_is_usable_up_to_and_on_its_last_day_and_not_after()
    {
        var lastDay = new DateOnly(2027, 3, 10);
        Assert.Equal(VoucherStanding.Usable, VoucherRules.Check(Amount(50m, lastDay), lastDay, lastDay, 1, 60));
        Assert.Equal(VoucherStanding.Expired, VoucherRules.Check(Amount(50m, lastDay), lastDay.AddDays(1), lastDay.AddDays(1), 1, 60));
        Assert.Equal(VoucherStanding.ExpiresBeforeVisit, VoucherRules.Check(Amount(50m, lastDay), Today, lastDay.AddDays(1), 1, 60));
        Assert.Equal("This voucher expired on 10 March 2027 and can no longer be used.", VoucherRules.Message(VoucherStanding.Expired, Amount(50m, lastDay)));
    }

    [Fact]
    public void unknown_and_spent_codes_get_messages_that_name_nobody()
    {
        Assert.Equal(VoucherStanding.Unknown, VoucherRules.Check(null, Today, Today, 1, 60));
        Assert.Equal(VoucherStanding.Spent, VoucherRules.Check(Amount(0m), Today, Today, 1, 60));
        Assert.StartsWith("We do not recognise this code", VoucherRules.Message(VoucherStanding.Unknown, null), StringComparison.Ordinal);
        Assert.Null(VoucherRules.Message(VoucherStanding.Usable, Amount(10m)));
    }

    [Fact]
    public void paul_chooses_an_expiry_from_tomorrow_to_two_years_ahead()
    {
        Assert.NotNull(VoucherRules.CheckExpiry(null, Today));
        Assert.NotNull(VoucherRules.CheckExpiry(Today, Today));
        Assert.Null(VoucherRules.CheckExpiry(Today.AddDays(1), Today));
        Assert.Null(VoucherRules.CheckExpiry(Today.AddYears(2), Today));
        Assert.NotNull(VoucherRules.CheckExpiry(Today.AddYears(2).AddDays(1), Today));
    }

    [Fact]
    public void a_voucher_never_pays_more_than_its_balance()
    {
        var voucher = Voucher.Issue(new VoucherTerms(VoucherKind.Amount, 50m, null, null, new DateOnly(2027, 12, 31), "Ben", string.Empty, "Rosa"), "ABCD-EFGH-JKLM", DateTime.UtcNow);
        voucher.Redeem(30m, 1, DateTime.UtcNow);
        Assert.Equal(20m, voucher.BalanceGbp);
        Assert.Throws<InvalidOperationException>(() => voucher.Redeem(25m, 2, DateTime.UtcNow));
        voucher.Redeem(20m, 2, DateTime.UtcNow);
        Assert.True(voucher.IsSpent);
        Assert.Equal(2, voucher.Redemptions.Count);
    }

    [Fact]
    public void a_course_package_shows_its_saving_and_is_priced_within_reason()
    {
        Assert.Equal(30m, PackageRules.Saving(70m, 6, 390m));
        Assert.Equal("6 visits for £390, saving £30", PackageRules.Offer(70m, 6, 390m));
        Assert.Equal("6 visits for £420", PackageRules.Offer(70m, 6, 420m));
        Assert.Null(PackageRules.Check(6, 390m, 70m));
        Assert.NotNull(PackageRules.Check(1, 60m, 70m));
        Assert.NotNull(PackageRules.Check(6, 0m, 70m));
        Assert.NotNull(PackageRules.Check(6, 421m, 70m));
        Assert.Equal(5, PackageRules.Left(6, 1));
        Assert.Equal(0, PackageRules.Left(6, 7));
    }

    [Fact]
    public void a_paid_payment_with_nothing_left_after_a_voucher_or_from_a_package_has_a_receipt_and_is_not_owed()
    {
        var at = new DateTime(2027, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        Assert.False(Payment.Record(1, PaymentKind.Visit, 0m, PaymentMethods.None, 4, at, voucherGbp: 70m).IsOwed);
        Assert.True(Payment.Record(1, PaymentKind.Visit, 20m, PaymentMethods.None, null, at, voucherGbp: 50m).IsOwed);
        Assert.Throws<ArgumentException>(() => Payment.Record(1, PaymentKind.Visit, 0m, PaymentMethods.None, null, at, voucherGbp: 70m));
    }

    [Fact]
    public void a_credit_note_is_more_than_nothing_no_more_than_is_left_and_has_a_reason()
    {
        Assert.Equal(20m, PaymentRules.CheckCreditNote("20", "Refund", 70m).Amount);
        Assert.Equal("Amount", Assert.Single(PaymentRules.CheckCreditNote("80", "Refund", 70m).Errors).Field);
        Assert.Equal("Amount", Assert.Single(PaymentRules.CheckCreditNote("0", "Refund", 70m).Errors).Field);
        Assert.Equal("Reason", Assert.Single(PaymentRules.CheckCreditNote("10", " ", 70m).Errors).Field);
        Assert.Equal("C-000007", PaymentRules.CreditNoteLabel(7));
    }

    [Fact]
    public void credit_notes_follow_the_receipts_in_the_csv_in_accounting_brackets_and_no_cell_starts_a_formula()
    {
        var at = new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var csv = FiguresRules.Csv([], [new CreditFact(1, at, 3, at, "PM-TEST01", "@Ann", "Deep tissue massage", 60, PaymentMethods.Card, 20m, "=refund")]);
        var line = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal("\"C-000001\",\"2027-03-02\",\"2027-03-02 10:00\",\"PM-TEST01\",\"'@Ann\",\"Deep tissue massage\",60,\"credit note for R-000003: =refund\",\"card\",(20.00)", line);
        Assert.DoesNotMatch("(^|,)\"?[=+\\-@]", line);
    }
}
