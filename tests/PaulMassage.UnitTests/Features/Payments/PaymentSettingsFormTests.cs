using PaulMassage.Web.Features.Payments;

namespace PaulMassage.UnitTests.Features.Payments;

/// <summary>The therapist's payment settings form: what it accepts and what it explains.</summary>
public sealed class ThePaymentSettingsForm
{
    private static PaymentSettingsForm Valid() => new()
    {
        Cash = true,
        Card = true,
        BankTransfer = true,
        BankDetails = "Paul Massage\r\n00-00-00 12345678",
        DueDaysAfterVisit = 0,
        NoShowFee = "30",
        LateCancellationFee = "",
        ReceiptAddress = " 12 Example Road\r\nLondon ",
        VatNumber = "",
        KeepYearsAfterTaxYear = 6,
    };

    [Fact]
    public void reads_a_valid_form_into_settings()
    {
        var (settings, errors) = Valid().Read();

        Assert.Empty(errors);
        Assert.Equal(PaymentMethods.Cash | PaymentMethods.Card | PaymentMethods.BankTransfer, settings!.AcceptedMethods);
        Assert.Equal("Paul Massage\n00-00-00 12345678", settings.BankDetails);
        Assert.Equal((30m, (decimal?)null), (settings.NoShowFeeGbp!.Value, settings.LateCancellationFeeGbp));
        Assert.Equal("12 Example Road\nLondon", settings.ReceiptAddress);
        Assert.False(settings.VatRegistered);
    }

    [Fact]
    public void round_trips_the_settings_it_shows()
    {
        var (settings, _) = Valid().Read();
        var (again, errors) = PaymentSettingsForm.From(settings!).Read();
        Assert.Empty(errors);
        Assert.Equivalent(settings, again);
    }

    [Fact]
    public void explains_each_mistake_beside_its_field()
    {
        var form = Valid();
        form.Cash = form.Card = form.BankTransfer = false;
        form.DueDaysAfterVisit = 90;
        form.NoShowFee = "thirty";
        form.VatNumber = "GB123456789";
        form.VatRatePercent = "";
        form.KeepYearsAfterTaxYear = 2;

        var (settings, errors) = form.Read();

        Assert.Null(settings);
        Assert.Equal(["Cash", "DueDaysAfterVisit", "NoShowFee", "VatRatePercent", "KeepYearsAfterTaxYear"], errors.Select(e => e.Field));
    }

    [Fact]
    public void bank_transfer_needs_the_bank_details()
    {
        var form = Valid();
        form.BankDetails = " ";
        Assert.Equal("BankDetails", Assert.Single(form.Read().Errors).Field);
    }

    [Fact]
    public void a_vat_registered_practice_gives_its_rate()
    {
        var form = Valid();
        form.VatNumber = "gb123456789";
        form.VatRatePercent = "20%";
        var (settings, errors) = form.Read();
        Assert.Empty(errors);
        Assert.Equal(("GB123456789", 20m, true), (settings!.VatNumber, settings.VatRatePercent, settings.VatRegistered));
    }
}
