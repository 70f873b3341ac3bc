using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.UnitTests.Features.Account;

public sealed class TheSignInAttempts
{
    private const string Paul = "paul@example.com";
    private const string Stranger = "203.0.113.9";
    private const string PaulsPhone = "198.51.100.7";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private SignInAttempts Attempts() => new(clock, Options.Create(new IdentityOptions { Lockout = { MaxFailedAccessAttempts = 5, DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15) } }));

    [Fact]
    public void lock_out_only_the_address_that_failed_five_times_and_only_for_that_account()
    {
        var attempts = Attempts();
        var locks = Enumerable.Range(0, 5).Select(_ => attempts.Failed(Paul, Stranger)).ToList();

        Assert.Equal([false, false, false, false, true], locks);
        Assert.True(attempts.IsLockedOut(Paul, Stranger));
        Assert.True(attempts.IsLockedOut(" PAUL@example.com", Stranger)); // the same account, however typed
        Assert.False(attempts.IsLockedOut(Paul, PaulsPhone));
        Assert.False(attempts.IsLockedOut("ann@example.com", Stranger));
    }

    [Fact]
    public void end_the_lockout_after_fifteen_minutes_on_the_site_clock()
    {
        var attempts = Attempts();
        for (var i = 0; i < 5; i++)
        {
            attempts.Failed(Paul, Stranger);
        }

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.True(attempts.IsLockedOut(Paul, Stranger));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(attempts.IsLockedOut(Paul, Stranger));
        Assert.False(attempts.Failed(Paul, Stranger)); // counting starts again from one
    }

    [Fact]
    public void forget_failures_after_a_right_password_or_a_quiet_quarter_hour()
    {
        var attempts = Attempts();
        for (var i = 0; i < 4; i++)
        {
            attempts.Failed(Paul, PaulsPhone);
        }

        attempts.Succeeded(Paul, PaulsPhone);
        Assert.False(attempts.Failed(Paul, PaulsPhone));

        for (var i = 0; i < 3; i++)
        {
            attempts.Failed(Paul, PaulsPhone);
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(attempts.Failed(Paul, PaulsPhone));
        Assert.False(attempts.IsLockedOut(Paul, PaulsPhone));
    }
}
