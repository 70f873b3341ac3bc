using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheRetryPolicy
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly RetryPolicy policy = new(8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 64)]
    [InlineData(8, 120)]
    [InlineData(30, 120)]
    public void the_wait_doubles_after_each_failure_up_to_the_ceiling(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), policy.DelayAfter(failures));

    [Fact]
    public void a_temporary_failure_is_retried_after_the_back_off()
    {
        var decision = policy.AfterFailure(3, permanent: false, Now);

        Assert.False(decision.GiveUp);
        Assert.Equal(Now.AddMinutes(4), decision.NextAttemptUtc);
    }

    [Fact]
    public void the_last_allowed_try_gives_up()
    {
        Assert.False(policy.AfterFailure(7, permanent: false, Now).GiveUp);
        Assert.True(policy.AfterFailure(8, permanent: false, Now).GiveUp);
    }

    [Fact]
    public void a_permanent_failure_gives_up_at_once() =>
        Assert.True(policy.AfterFailure(1, permanent: true, Now).GiveUp);

    [Fact]
    public void nonsense_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromHours(2), TimeSpan.FromHours(1)));
    }
}
