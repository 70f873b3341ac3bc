using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.ClientVisits;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>
/// The therapist confirms while the client cancels. Whatever the interleaving, the visit ends in
/// one state that its history explains step by step, and each side is told what happened.
/// </summary>
public sealed partial class ConcurrentChanges(ConcurrentChanges.RaceFixture fixture) : IClassFixture<ConcurrentChanges.RaceFixture>
{
    private RaceFactory Factory => fixture.Factory;

    [Fact]
    public async Task truly_concurrent_confirm_and_cancel_leave_one_consistent_state()
    {
        using var therapist = await Factory.TherapistAsync();
        for (var round = 0; round < 8; round++)
        {
            var visit = await Visits.RequestNextFreeAsync(Factory);
            using var client = Factory.Browser(followRedirects: true);
            var therapistToken = await FormPost.AntiforgeryTokenAsync(therapist, "/admin");
            var clientToken = await FormPost.AntiforgeryTokenAsync(client, visit.ManageUrl);
            var version = await Visits.VersionAsync(Factory, visit.Id);
            using var confirm = Form(("Version", version), ("ReturnUrl", "/admin"), ("__RequestVerificationToken", therapistToken));
            using var cancel = Form(("__RequestVerificationToken", clientToken));

            // Both requests are in flight together against the same SQLite file.
            using var start = new ManualResetEventSlim();
            var confirmTask = Task.Run(() => { start.Wait(); return therapist.PostAsync($"/admin/requests/{visit.Id}/confirm", confirm); });
            var cancelTask = Task.Run(() => { start.Wait(); return client.PostAsync(visit.ManageUrl + "/cancel", cancel); });
            start.Set();
            var responses = await Task.WhenAll(confirmTask, cancelTask);

            var therapistMessage = Sessions.AdminMessage(await responses[0].Content.ReadAsStringAsync()) ?? string.Empty;
            var clientPage = await responses[1].Content.ReadAsStringAsync();
            var stored = await Visits.LoadAsync(Factory, visit.Id);
            AssertHistoryExplainsState(stored);

            var confirmed = stored.History.Any(e => e.FromStatus == AppointmentStatus.Requested && e.ToStatus == AppointmentStatus.Confirmed);
            var cancelledByClient = stored.History.Any(e => e.ToStatus == AppointmentStatus.Cancelled);
            Assert.Equal(confirmed, therapistMessage.StartsWith("Confirmed", StringComparison.Ordinal));
            Assert.Equal(cancelledByClient, clientPage.Contains("Your visit is cancelled", StringComparison.Ordinal));
            Assert.True(confirmed || cancelledByClient, "At least one of the two changes wins.");
            if (!cancelledByClient)
            {
                Assert.Contains("Paul changed this visit at the same moment", clientPage, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task when_the_client_cancels_at_the_very_moment_of_a_confirm_the_confirm_is_not_saved_and_says_so()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(10, 12));
        using var therapist = await Factory.TherapistAsync();
        var version = await Visits.VersionAsync(Factory, visit.Id);
        Factory.BeforeNextSaveOf(visit.Id, AppointmentStatus.Confirmed, async services =>
            Assert.Equal(CancelResult.Cancelled, await services.GetRequiredService<ClientVisitService>().CancelAsync(visit.Token)));

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", version));

        Assert.Equal($"{visit.Reference} was changed at the same moment, so it was not confirmed: it is now cancelled.",
            Sessions.AdminMessage(await response.Content.ReadAsStringAsync()));
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.DoesNotContain(stored.History, e => e.ToStatus == AppointmentStatus.Confirmed);
        Assert.Empty(stored.SlotClaims);
        AssertHistoryExplainsState(stored);
    }

    [Fact]
    public async Task when_the_therapist_confirms_at_the_very_moment_of_a_cancel_the_cancel_is_not_saved_and_says_so()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(11, 12));
        var version = Guid.Parse(await Visits.VersionAsync(Factory, visit.Id));
        Factory.BeforeNextSaveOf(visit.Id, AppointmentStatus.Cancelled, async services =>
            Assert.True((await services.GetRequiredService<AppointmentActions>().ConfirmAsync(visit.Id, version, "paul@test.example")).Succeeded));
        using var client = Factory.Browser(followRedirects: true);

        var response = await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/cancel");

        Assert.Contains("Paul changed this visit at the same moment, so it was not cancelled.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.NotEmpty(stored.SlotClaims);
        AssertHistoryExplainsState(stored);
    }

    [Fact]
    public async Task two_confirms_at_the_very_same_moment_record_one_confirmation()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(12, 12));
        using var therapist = await Factory.TherapistAsync();
        var version = await Visits.VersionAsync(Factory, visit.Id);
        Factory.BeforeNextSaveOf(visit.Id, AppointmentStatus.Confirmed, async services =>
            Assert.True((await services.GetRequiredService<AppointmentActions>().ConfirmAsync(visit.Id, Guid.Parse(version), "other-tab")).Succeeded));

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", version));

        Assert.Equal($"{visit.Reference} was changed at the same moment, so it was not confirmed: it is now confirmed.",
            Sessions.AdminMessage(await response.Content.ReadAsStringAsync()));
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        var confirmation = Assert.Single(stored.History, e => e.ToStatus == AppointmentStatus.Confirmed);
        Assert.Equal("other-tab", confirmation.Actor);
        AssertHistoryExplainsState(stored);
    }

    /// <summary>Each recorded change starts where the previous one ended, and the last one is the visit's state.</summary>
    private static void AssertHistoryExplainsState(Appointment stored)
    {
        var history = stored.History.OrderBy(e => e.Id).ToList();
        Assert.Null(history[0].FromStatus);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].ToStatus, history[i].FromStatus);
        }

        Assert.Equal(history[^1].ToStatus, stored.Status);
        Assert.Equal(BookingStateMachine.HoldsTime(stored.Status), stored.SlotClaims.Count > 0);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public sealed class RaceFixture : IDisposable
    {
        public RaceFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>The practice with a hook that runs another change just before a chosen save reaches the database.</summary>
    public sealed class RaceFactory : PracticeAppFactory
    {
        public Interleaver Interleave { get; } = new();

        public void BeforeNextSaveOf(int appointmentId, AppointmentStatus to, Func<IServiceProvider, Task> change)
        {
            Interleave.Services = Services;
            Interleave.BeforeNextSaveOf(appointmentId, to, change);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Interleave);
                services.ConfigureDbContext<SqliteAppDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<Interleaver>()));
            });
        }
    }

    /// <summary>
    /// As a save that moves a given visit to a given status begins its transaction, runs another change to the
    /// same visit in a scope (and database connection) of its own, and lets it commit first.
    /// </summary>
    public sealed class Interleaver : DbTransactionInterceptor
    {
        private (int Id, AppointmentStatus To, Func<IServiceProvider, Task> Change)? _armed;

        public IServiceProvider? Services { get; set; }

        public void BeforeNextSaveOf(int appointmentId, AppointmentStatus to, Func<IServiceProvider, Task> change) =>
            _armed = (appointmentId, to, change);

        // As the save begins its transaction: the schedule version's interceptor begins it in the
        // save, and on SQLite the change made meanwhile could not be written after that.
        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (_armed is { } armed && eventData.Context is AppDbContext db
                && db.ChangeTracker.Entries<Appointment>().Any(e => e.Entity.Id == armed.Id && e.State == EntityState.Modified && e.Entity.Status == armed.To))
            {
                _armed = null;
                await using var scope = Services!.CreateAsyncScope();
                await armed.Change(scope.ServiceProvider);
            }

            return result;
        }
    }
}
