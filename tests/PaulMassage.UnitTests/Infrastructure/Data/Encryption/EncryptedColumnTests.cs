using Microsoft.AspNetCore.DataProtection;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.UnitTests.Infrastructure.Data.Encryption;

public sealed class TheColumnProtector
{
    private readonly ColumnProtector protector = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void stores_ciphertext_with_a_prefix_and_reads_it_back()
    {
        var stored = protector.Protect("Sciatica down the left leg");
        Assert.StartsWith(ColumnProtector.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Sciatica", stored, StringComparison.Ordinal);
        Assert.Equal("Sciatica down the left leg", protector.Unprotect(stored));
    }

    [Fact]
    public void never_stores_the_same_ciphertext_twice() =>
        Assert.NotEqual(protector.Protect("Pregnancy"), protector.Protect("Pregnancy"));

    [Fact]
    public void reads_a_value_stored_before_encryption_as_it_is() =>
        Assert.Equal("16", protector.Unprotect("16"));

    [Fact]
    public void refuses_a_tampered_value()
    {
        var stored = protector.Protect("Blood thinners");
        var tampered = stored[..^4] + (stored[^4] == 'A' ? "B" : "A") + stored[^3..];
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(tampered));
    }

    [Fact]
    public void round_trips_flags_numbers_and_dates_through_invariant_text()
    {
        var flags = Contraindication.Pregnancy | Contraindication.BloodThinners;
        Assert.Equal(flags, ColumnText.Parse<Contraindication>(ColumnText.Format(flags)));
        Assert.Equal(7, ColumnText.Parse<int>(ColumnText.Format(7)));
        var when = new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc);
        Assert.Equal(when, ColumnText.Parse<DateTime>(ColumnText.Format(when)));
        Assert.Equal("20", ColumnText.Format(Contraindication.Pregnancy | Contraindication.BloodThinners));
    }

    [Fact]
    public void converts_through_the_value_converter_both_ways()
    {
        var converter = new EncryptedValueConverter<PainFeeling>(protector);
        var stored = (string)converter.ConvertToProvider(PainFeeling.Stiffness)!;
        Assert.StartsWith(ColumnProtector.Prefix, stored, StringComparison.Ordinal);
        Assert.Equal(PainFeeling.Stiffness, converter.ConvertFromProvider(stored));
    }
}
