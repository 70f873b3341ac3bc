using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Payments;

namespace PaulMassage.UnitTests.Features.Payments;

/// <summary>The payment rules: amounts as typed, methods, fees, the tax year, the words clients read.</summary>
public sealed class ThePaymentRules
{
    [Theory]
    [InlineData("70", 70)]
    [InlineData(" £62.50 ", 62.50)]
    [InlineData("1,200", 1200)]
    [InlineData("0", 0)]
    public void reads_an_amount_as_typed(string typed, decimal expected)
    {
        var (amount, error) = PaymentRules.ParseAmount(typed);
        Assert.Null(error);
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("", "Enter the amount in pounds, for example 70 or 62.50.")]
    [InlineData("seventy", "Enter the amount in pounds and pence, for example 70 or 62.50.")]
    [InlineData("70.555", "Enter the amount in pounds and pence, for example 70 or 62.50.")]
    [InlineData("-5", "Enter the amount in pounds and pence, for example 70 or 62.50.")]
    [InlineData("10000.01", "The amount cannot be more than £10,000.")]
    public void explains_an_amount_it_cannot_take(string typed, string message)
    {
        var (amount, error) = PaymentRules.ParseAmount(typed);
        Assert.Null(amount);
        Assert.Equal(message, error);
    }

    [Fact]
    public void a_paid_amount_needs_an_accepted_method_and_an_owed_one_none()
    {
        var accepted = PaymentMethods.Cash | PaymentMethods.Card;
        Assert.Empty(PaymentRules.CheckVisitPayment(paid: true, PaymentMethods.Card, accepted));
        Assert.Empty(PaymentRules.CheckVisitPayment(paid: false, PaymentMethods.None, accepted));
        Assert.Equal("Choose how the client paid, or mark the amount as owed.", Assert.Single(PaymentRules.CheckVisitPayment(paid: true, PaymentMethods.None, accepted)).Message);
        Assert.Equal("Choose how the client paid, or mark the amount as owed.", Assert.Single(PaymentRules.CheckVisitPayment(paid: true, PaymentMethods.Cash | PaymentMethods.Card, accepted)).Message);
        Assert.Equal("Method", Assert.Single(PaymentRules.CheckVisitPayment(paid: true, PaymentMethods.BankTransfer, accepted)).Field);
    }

    [Fact]
    public void charges_a_fee_only_for_a_missed_visit_and_only_when_set()
    {
        var settings = new PaymentSettings { NoShowFeeGbp = 30m, LateCancellationFeeGbp = null };
        Assert.Equal(30m, PaymentRules.FeeFor(PaymentKind.NoShowFee, settings));
        Assert.Null(PaymentRules.FeeFor(PaymentKind.LateCancellationFee, settings));
        Assert.Null(PaymentRules.FeeFor(PaymentKind.Visit, settings));
        Assert.Null(PaymentRules.FeeFor(PaymentKind.NoShowFee, new PaymentSettings { NoShowFeeGbp = 0m }));
    }

    [Theory]
    [InlineData(2027, 4, 5, 2026)]
    [InlineData(2027, 4, 6, 2027)]
    [InlineData(2027, 1, 1, 2026)]
    [InlineData(2026, 12, 31, 2026)]
    public void the_uk_tax_year_runs_from_6_april(int year, int month, int day, int startYear)
    {
        var taxYear = TaxYear.Containing(new DateOnly(year, month, day));
        Assert.Equal(startYear, taxYear.StartYear);
        Assert.Equal(new DateOnly(startYear, 4, 6), taxYear.First);
        Assert.Equal(new DateOnly(startYear + 1, 4, 6), taxYear.End);
    }

    [Fact]
    public void the_tax_year_is_named_as_hmrc_writes_it() =>
        Assert.Equal("2026/27", new TaxYear(2026).Label);

    [Fact]
    public void puts_how_to_pay_in_words()
    {
        var settings = new PaymentSettings
        {
            AcceptedMethods = PaymentMethods.Cash | PaymentMethods.BankTransfer,
            BankDetails = "Paul Massage\nsort code 00-00-00, account 12345678",
            DueDaysAfterVisit = 7,
            NoShowFeeGbp = 30m,
            LateCancellationFeeGbp = 20m,
        };

        var words = HowToPay.From(settings);

        Assert.Equal("cash or bank transfer", words.Methods);
        Assert.Equal("Payment is due within 7 days of the visit.", words.Due);
        Assert.Equal("Paul Massage, sort code 00-00-00, account 12345678", words.BankDetails);
        Assert.Equal($"A visit called off less than {CancellationPolicy.Notice.TotalHours:0} hours before it starts is charged a fee of £20, and £30 if nobody is in when Paul arrives.", words.Fees);
        Assert.Equal("Payment is due at the end of the visit.", PaymentRules.DueSentence(0));
        Assert.Null(HowToPay.From(new PaymentSettings()).Fees);
        Assert.Null(HowToPay.From(new PaymentSettings { BankDetails = "x", AcceptedMethods = PaymentMethods.Cash }).BankDetails);
    }

    [Theory]
    [InlineData(120, 20, 20)]
    [InlineData(70, 20, 11.67)]
    [InlineData(70, 0, 0)]
    public void finds_the_vat_inside_a_vat_inclusive_price(decimal amount, decimal rate, decimal vat) =>
        Assert.Equal(vat, PaymentRules.VatIncluded(amount, rate));

    [Fact]
    public void numbers_receipts_with_six_digits() => Assert.Equal("R-000042", PaymentRules.ReceiptLabel(42));

    [Fact]
    public void a_payment_is_paid_with_a_receipt_number_or_owed_without_one_and_settled_once()
    {
        var at = new DateTime(2027, 3, 2, 11, 0, 0, DateTimeKind.Utc);
        Assert.Throws<ArgumentException>(() => Payment.Record(1, PaymentKind.Visit, 70m, PaymentMethods.Card, null, at));
        Assert.Throws<ArgumentException>(() => Payment.Record(1, PaymentKind.Visit, 70m, PaymentMethods.None, 3, at));

        var owed = Payment.Record(1, PaymentKind.NoShowFee, 30m, PaymentMethods.None, null, at);
        Assert.True(owed.IsOwed);
        owed.Settle(PaymentMethods.Cash, 7, at.AddDays(2));
        Assert.Equal((false, PaymentMethods.Cash, 7, at.AddDays(2)), (owed.IsOwed, owed.Method, owed.ReceiptNumber!.Value, owed.PaidUtc!.Value));
        Assert.Throws<InvalidOperationException>(() => owed.Settle(PaymentMethods.Card, 8, at.AddDays(3)));
    }
}
