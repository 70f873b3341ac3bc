using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Settings;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Scheduling;

/// <summary>
/// The free times are cached per schedule version, and every change that can change a free time
/// raises the version by itself (the save does it, not the caller): each kind of change is made
/// here through the code that makes it on the site, with the answer already cached, and the next
/// answer must show it.
/// </summary>
public sealed class TheScheduleVersion(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private Task<long> VersionAsync() => Factory.WithDbAsync(db => db.ScheduleVersions.Select(v => v.Value).SingleAsync());

    private async Task<IReadOnlyList<DateTime>> StartsAsync(int day)
    {
        using var client = Factory.CreateClient();
        return await AvailabilityProbe.FreeStartsAsync(client, new DateOnly(2027, 3, day));
    }

    /// <summary>Caches the day's answer, makes the change, and returns the day's starts after it (and checks the version rose).</summary>
    private async Task<IReadOnlyList<DateTime>> AfterAsync(int day, Func<Task> change)
    {
        await StartsAsync(day); // cached under the current version
        var before = await VersionAsync();

        await change();

        Assert.True(await VersionAsync() > before, "the change raised the schedule version");
        return await StartsAsync(day);
    }

    private async Task InScopeAsync<T>(Func<T, Task> work)
        where T : notnull
    {
        await using var scope = Factory.Scope();
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    [Fact]
    public async Task rises_with_a_booking_and_the_cached_answer_shows_it()
    {
        Assert.Contains(Visits.March(8, 12), await StartsAsync(8));

        var after = await AfterAsync(8, () => Factory.VisitAsync("version-booking@test.example", Visits.March(8, 12)));

        Assert.DoesNotContain(Visits.March(8, 12), after);
        Assert.DoesNotContain(Visits.March(8, 13), after); // its travel time
    }

    [Fact]
    public async Task rises_with_a_cancellation()
    {
        var visit = await Factory.VisitAsync("version-cancel@test.example", Visits.March(9, 12));

        var after = await AfterAsync(9, () => InScopeAsync<ClientVisitService>(s => s.CancelAsync(visit.Token)));

        Assert.Contains(Visits.March(9, 12), after);
    }

    [Fact]
    public async Task rises_when_a_visits_postcode_changes_as_its_zone_sets_the_drives_around_it()
    {
        var visit = await Factory.VisitAsync("version-postcode@test.example", Visits.March(11, 12));

        await AfterAsync(11, () => Factory.WithDbAsync(async db =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == visit.Id);
            appointment.Postcode = "E1 6AN";
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task rises_with_a_move_by_the_therapist()
    {
        var visit = await Factory.VisitAsync("version-move@test.example", Visits.March(10, 10));
        var stamp = await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == visit.Id).Select(a => a.Version).SingleAsync());

        var after = await AfterAsync(10, () => InScopeAsync<AppointmentActions>(s => s.MoveAsync(visit.Id, stamp, Visits.March(10, 15), "therapist")));

        Assert.Contains(Visits.March(10, 10), after);
        Assert.DoesNotContain(Visits.March(10, 15), after);
    }

    [Fact]
    public async Task rises_with_time_off_added_and_removed()
    {
        var added = await AfterAsync(11, () => InScopeAsync<SchedulingEditor>(s =>
            s.AddTimeOffAsync(new LocalTimeOff(new DateOnly(2027, 3, 11), new TimeOnly(9, 0), new DateOnly(2027, 3, 11), new TimeOnly(19, 0), "Course"))));
        Assert.Empty(added);

        var id = await Factory.WithDbAsync(db => db.TimeOff.Where(t => t.Reason == "Course").Select(t => t.Id).SingleAsync());
        var removed = await AfterAsync(11, () => InScopeAsync<SchedulingEditor>(s => s.DeleteTimeOffAsync(id)));
        Assert.Contains(Visits.March(11, 9), removed);
    }

    [Fact]
    public async Task rises_with_the_working_hours_and_the_booking_rules()
    {
        var hours = await AfterAsync(12, () => InScopeAsync<SchedulingEditor>(s => s.SaveHoursAsync(
            [.. SchedulingEditor.Week.Where(d => d != DayOfWeek.Sunday).Select(d => new WorkingPeriod(d, new TimeOnly(10, 0), new TimeOnly(16, 0)))])));
        Assert.Equal(Visits.March(12, 10), hours[0]);
        Assert.Equal(Visits.March(12, 15), hours[^1]);

        var rules = await AfterAsync(12, () => InScopeAsync<SchedulingEditor>(s => s.SaveRulesAsync(travelBufferMinutes: 30, noticeHours: 24, horizonDays: 7)));
        Assert.Empty(rules); // 12 March is now past the horizon

        await InScopeAsync<SchedulingEditor>(s => s.SaveRulesAsync(30, 24, 56));
        await InScopeAsync<SchedulingEditor>(s => s.SaveHoursAsync(AvailabilityRules.Defaults.WeeklyHours));
    }

    [Fact]
    public async Task leaves_the_notice_to_the_clock_so_the_first_free_time_goes_as_the_clock_passes_it()
    {
        // The fake clock says Monday 1 March 2027, 09:00; 24 hours' notice.
        Assert.Equal(Visits.March(2, 9), (await StartsAsync(2))[0]);
        var version = await VersionAsync();

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Visits.March(2, 9, 15), (await StartsAsync(2))[0]); // same version, same cached sweep, a later boundary
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task does_not_rise_with_a_change_that_moves_no_free_time()
    {
        var visit = await Factory.VisitAsync("version-note@test.example", Visits.March(15, 10));
        var before = await VersionAsync();

        await Factory.WithDbAsync(async db =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == visit.Id);
            appointment.RevokeManageToken(); // a change to the visit, not to its time
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before, await VersionAsync());
    }
}
