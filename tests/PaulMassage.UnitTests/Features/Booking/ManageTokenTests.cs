using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class AManageToken
{
    [Fact]
    public void carries_256_random_bits_in_url_safe_characters()
    {
        var token = ManageToken.Create();

        Assert.Equal(64, token.Length); // 32 bytes as lower-case hex, safe even when a URL is lower-cased
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void is_never_the_same_twice()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => ManageToken.Create()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void is_stored_as_its_sha256_in_lower_case_hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ManageToken.Hash("abc"));
    }

    [Fact]
    public void hashes_the_same_way_every_time_and_differently_for_another_token()
    {
        var token = ManageToken.Create();
        var other = ManageToken.Create();

        Assert.Equal(ManageToken.Hash(token), ManageToken.Hash(token));
        Assert.NotEqual(ManageToken.Hash(token), ManageToken.Hash(other));
        Assert.Matches("^[0-9a-f]{64}$", ManageToken.Hash(token));
        Assert.DoesNotContain(token, ManageToken.Hash(token), StringComparison.Ordinal);
    }

    [Fact]
    public void is_case_sensitive()
    {
        Assert.NotEqual(ManageToken.Hash("AbC"), ManageToken.Hash("abc"));
    }

    [Fact]
    public void hashes_a_missing_token_as_an_empty_one_rather_than_failing()
    {
        Assert.Equal(ManageToken.Hash(string.Empty), ManageToken.Hash(null!));
    }
}

public sealed class ABookingReference
{
    [Fact]
    public void reads_pm_and_six_characters_without_look_alike_letters_or_digits()
    {
        for (var i = 0; i < 500; i++)
        {
            var reference = ManageToken.CreateReference();

            Assert.Matches("^PM-[A-HJ-NP-Z2-9]{6}$", reference);
            Assert.DoesNotMatch("[01IO]", reference[3..]);
        }
    }

    [Fact]
    public void fits_the_reference_column()
    {
        Assert.True(ManageToken.CreateReference().Length <= 12);
    }

    [Fact]
    public void uses_the_whole_alphabet_in_every_position()
    {
        var references = Enumerable.Range(0, 4000).Select(_ => ManageToken.CreateReference()).ToList();

        for (var position = 3; position < 9; position++)
        {
            var seen = references.Select(r => r[position]).Distinct().Count();
            Assert.Equal(32, seen);
        }

        Assert.True(references.Distinct(StringComparer.Ordinal).Count() > 3990);
    }
}

public sealed class TheCancellationPolicy
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void lets_the_client_cancel_exactly_24_hours_before()
    {
        Assert.True(CancellationPolicy.ClientMayCancel(Now.UtcDateTime.AddHours(24), Now));
    }

    [Fact]
    public void lets_the_client_cancel_days_before()
    {
        Assert.True(CancellationPolicy.ClientMayCancel(Now.UtcDateTime.AddDays(10), Now));
    }

    [Fact]
    public void refuses_a_moment_inside_the_24_hours()
    {
        Assert.False(CancellationPolicy.ClientMayCancel(Now.UtcDateTime.AddHours(24).AddSeconds(-1), Now));
    }

    [Fact]
    public void refuses_a_visit_that_has_started_or_passed()
    {
        Assert.False(CancellationPolicy.ClientMayCancel(Now.UtcDateTime, Now));
        Assert.False(CancellationPolicy.ClientMayCancel(Now.UtcDateTime.AddHours(-3), Now));
    }

    [Fact]
    public void measures_the_notice_in_real_hours_across_the_clocks_changing()
    {
        // Saturday 09:00 GMT to Sunday 10:00 BST is 24 real hours, though the clocks show 25.
        var saturday = new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero);

        Assert.True(CancellationPolicy.ClientMayCancel(new DateTime(2027, 3, 28, 9, 0, 0, DateTimeKind.Utc), saturday));
        Assert.False(CancellationPolicy.ClientMayCancel(new DateTime(2027, 3, 28, 8, 59, 0, DateTimeKind.Utc), saturday));
    }

    [Fact]
    public void is_24_hours()
    {
        Assert.Equal(TimeSpan.FromHours(24), CancellationPolicy.Notice);
    }
}
