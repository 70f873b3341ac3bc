using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// Failed password sign-ins, counted per account and client address: after
/// Identity's <c>Lockout.MaxFailedAccessAttempts</c> failures from one address, that address may
/// not try that account again for <c>Lockout.DefaultLockoutTimeSpan</c>. A stranger hammering the
/// therapist's address from elsewhere locks only himself out, and the per-address rate limit
/// slows him across accounts. Every failure counts, including for an account whose e-mail address
/// is not confirmed yet (where Identity answers "not allowed" without checking the password).
/// Kept in memory, per instance, like the rate limits; timed with the site's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignInAttempts(TimeProvider time, IOptions<IdentityOptions> identity)
{
    /// <summary>Above this many remembered pairs, expired ones are swept out when a failure is recorded.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<(string Account, string Address), Failures> failures = new();

    private int MaxFailures => identity.Value.Lockout.MaxFailedAccessAttempts;

    private TimeSpan LockoutTime => identity.Value.Lockout.DefaultLockoutTimeSpan;

    /// <summary>True while this address may not try this account.</summary>
    public bool IsLockedOut(string account, string address) =>
        failures.TryGetValue(Key(account, address), out var record) && record.LockedUntil > time.GetUtcNow();

    /// <summary>Records a failed attempt; returns true when it locks this address out of this account.</summary>
    public bool Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        if (failures.Count > SweepAbove)
        {
            foreach (var (key, old) in failures)
            {
                if (Expired(old, now))
                {
                    failures.TryRemove(key, out _);
                }
            }
        }

        var record = failures.AddOrUpdate(
            Key(account, address),
            _ => new Failures(1, now, DateTimeOffset.MinValue),
            (_, old) => Expired(old, now) ? new Failures(1, now, DateTimeOffset.MinValue) : old with { Count = old.Count + 1, Last = now });
        if (record.Count < MaxFailures)
        {
            return false;
        }

        failures[Key(account, address)] = new Failures(0, now, now + LockoutTime);
        return true;
    }

    /// <summary>The password was right: this address starts again from nothing for this account.</summary>
    public void Succeeded(string account, string address) => failures.TryRemove(Key(account, address), out _);

    /// <summary>Failures are forgotten a lockout period after the last one, and a lockout when it ends.</summary>
    private bool Expired(Failures record, DateTimeOffset now) =>
        record.LockedUntil <= now && now - record.Last >= LockoutTime;

    private static (string, string) Key(string account, string address) =>
        ((account ?? string.Empty).Trim().ToUpperInvariant(), address ?? string.Empty);

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
