namespace PaulMassage.Web.Features.Notifications;

/// <summary>What happens to a message after a failed try.</summary>
public sealed record RetryDecision(bool GiveUp, DateTime NextAttemptUtc);

/// <summary>
/// Exponential back-off with a ceiling and a bounded number of tries: the first retry after
/// <c>firstDelay</c>, then twice as long each time, never longer than <c>maxDelay</c>.
/// </summary>
public sealed class RetryPolicy
{
    public RetryPolicy(int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, firstDelay);
        MaxAttempts = maxAttempts;
        FirstDelay = firstDelay;
        MaxDelay = maxDelay;
    }

    public int MaxAttempts { get; }

    public TimeSpan FirstDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The wait after the given number of failed tries (1 = the first failure).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var ticks = FirstDelay.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Decides after a failure: a permanent one, or the last allowed try, gives up.</summary>
    public RetryDecision AfterFailure(int failedAttempts, bool permanent, DateTime nowUtc) =>
        permanent || failedAttempts >= MaxAttempts
            ? new RetryDecision(true, nowUtc)
            : new RetryDecision(false, nowUtc + DelayAfter(failedAttempts));
}
