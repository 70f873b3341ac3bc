using PaulMassage.Web.Features.Backups;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.UnitTests.Features.Backups;

public sealed class TheBackupRetention
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A copy every night at 02:30 UK time for two years, up to 2 March 2027.</summary>
    private static List<DateTime> Nightly(DateOnly last, int nights = 730) =>
        Enumerable.Range(0, nights).Select(i => Web.Infrastructure.Time.PracticeClock.ToUtc(last.AddDays(-i), new TimeOnly(2, 30), London)).ToList();

    [Fact]
    public void keeps_the_last_14_days_and_the_last_copy_of_each_of_the_last_12_months()
    {
        var copies = Nightly(new DateOnly(2027, 3, 2));
        var now = copies[0].AddMinutes(5);

        var deleted = BackupRetention.ToDelete(copies, now, London);
        var kept = copies.Except(deleted).Order().ToList();

        // 14 days: 17 Feb to 2 March; the months: March 2027 (today's copy) and the last night of
        // each month from April 2026 to February 2027 (28 February is among the 14 days).
        Assert.Equal(14 + 10, kept.Count);
        Assert.Contains(copies[0], kept);
        Assert.All(Enumerable.Range(0, 14), i => Assert.Contains(copies[i], kept));
        Assert.DoesNotContain(copies[14], kept);
        Assert.Contains(new DateTime(2026, 4, 30, 1, 30, 0, DateTimeKind.Utc), kept);
        Assert.DoesNotContain(new DateTime(2026, 3, 31, 1, 30, 0, DateTimeKind.Utc), kept);
        Assert.True(kept.Min() > now.AddMonths(-12), "No copy outlives twelve months.");
    }

    [Fact]
    public void deletes_nothing_while_there_are_fewer_copies_than_days()
    {
        var copies = Nightly(new DateOnly(2027, 3, 2), nights: 5);
        Assert.Empty(BackupRetention.ToDelete(copies, copies[0].AddHours(1), London));
    }

    [Fact]
    public void counts_days_and_months_on_the_practices_clock()
    {
        // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (summer time): April's copy, not March's.
        var lateMarchUtc = new DateTime(2027, 3, 31, 23, 30, 0, DateTimeKind.Utc);
        var midMarch = new DateTime(2027, 3, 15, 1, 30, 0, DateTimeKind.Utc);
        var now = new DateTime(2027, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        var deleted = BackupRetention.ToDelete([midMarch, lateMarchUtc], now, London);

        Assert.Empty(deleted); // mid-March is March's last copy, late March UTC is April's
    }
}

public sealed class TheBackupSchedule
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2027-03-01T09:00:00Z", "2027-03-02T02:30:00Z")] // after today's run: tomorrow (GMT)
    [InlineData("2027-03-01T01:00:00Z", "2027-03-01T02:30:00Z")] // before it: today
    [InlineData("2027-03-01T02:30:00Z", "2027-03-02T02:30:00Z")] // at it: the run just happened
    [InlineData("2027-06-10T12:00:00Z", "2027-06-11T01:30:00Z")] // 02:30 summer time is 01:30 UTC
    public void runs_next_at_the_set_time_of_day_in_the_practices_zone(string now, string expected)
    {
        var next = BackupSchedule.NextRunUtc(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal), new TimeOnly(2, 30), London);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
    }
}

public sealed class TheBackupAlert
{
    private static readonly DateTime Now = new(2027, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private static BackupAlert Alert(BackupStatus status, bool applies = true) =>
        BackupAlert.From(status, applies, Now, 26, utc => new DateTimeOffset(utc, TimeSpan.Zero));

    [Fact]
    public void warns_when_backups_are_on_and_none_was_ever_good() =>
        Assert.True(Alert(BackupStatus.None).Stale);

    [Fact]
    public void warns_when_the_last_good_copy_is_over_26_hours_old()
    {
        Assert.False(Alert(new BackupStatus(Now.AddHours(-25), true, null, Now.AddHours(-25), "a.db")).Stale);
        Assert.True(Alert(new BackupStatus(Now.AddHours(-27), true, null, Now.AddHours(-27), "a.db")).Stale);
    }

    [Fact]
    public void says_when_the_last_attempt_failed_even_if_an_older_copy_is_recent_enough()
    {
        var alert = Alert(new BackupStatus(Now.AddHours(-1), false, "disk full", Now.AddHours(-20), "a.db"));
        Assert.False(alert.Stale);
        Assert.Equal(("disk full", "a.db"), (alert.Problem, alert.LastGoodFile));
    }

    [Fact]
    public void stays_silent_on_sql_server_or_with_backups_off() =>
        Assert.False(Alert(BackupStatus.None, applies: false).Stale);
}

public sealed class TheErasureLedgerLines
{
    [Fact]
    public void hold_the_kind_the_id_and_two_instants_and_read_back_the_same()
    {
        var entry = new ErasureLedgerEntry(ErasedKind.Booking, 42, new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc).AddTicks(1234567), new DateTime(2027, 3, 5, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal(4, entry.ToLine().Split('\t').Length);
        Assert.Equal(entry, ErasureLedgerEntry.Parse(entry.ToLine()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a ledger line")]
    [InlineData("2027-03-05T10:00:00.0000000Z\tSomething\t1\t2")]
    public void skip_a_line_they_cannot_read(string line) => Assert.Null(ErasureLedgerEntry.Parse(line));
}
