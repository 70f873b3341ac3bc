using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>One check-in link answered twice at the same moment (two tabs, a double tap): the first answer is kept, the second refused.</summary>
public sealed class TwoAnswersToOneCheckIn : IDisposable
{
    private const string Email = "rita.race@client.example";
    private readonly RaceFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task sent_at_once_keep_the_first_and_refuse_the_second()
    {
        var visit = await factory.VisitAsync(Email, Visits.March(4, 10), AppointmentStatus.Confirmed, name: "Rita Race");
        var token = ManageToken.Create();
        await factory.WithDbAsync(async db =>
        {
            db.CheckIns.Add(CheckIn.Send(await db.Appointments.SingleAsync(a => a.Id == visit.Id), ManageToken.Hash(token), factory.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var link = CheckIns.PathFor(token);
        using var firstTab = factory.Browser();
        using var secondTab = factory.Browser();
        using var first = Answer("3", "First-tab words", await FormPost.AntiforgeryTokenAsync(firstTab, link));
        using var second = Answer("4", "Second-tab words", await FormPost.AntiforgeryTokenAsync(secondTab, link));

        // Both requests have read the check-in, unanswered, before either saves.
        factory.BothAnswersMeetBeforeSaving();
        var responses = await Task.WhenAll(firstTab.PostAsync(link, first), secondTab.PostAsync(link, second));

        var pages = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, pages.Count(p => p.Contains("id=\"check-in-thanks\"", StringComparison.Ordinal)));
        var refused = Assert.Single(pages, p => !p.Contains("id=\"check-in-thanks\"", StringComparison.Ordinal));
        Assert.Contains("id=\"check-in-answered\"", refused, StringComparison.Ordinal);
        var kept = pages[0].Contains("id=\"check-in-thanks\"", StringComparison.Ordinal) ? (3, "First-tab words") : (4, "Second-tab words");
        var stored = await factory.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync());
        Assert.Equal(kept, (stored.PainScore!.Value, stored.Changes!));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static FormUrlEncodedContent Answer(string score, string changes, string antiforgery) => new(
    [
        new("PainScore", score), new("Changes", changes), new("NoRedFlags", "true"), new("__RequestVerificationToken", antiforgery),
    ]);

    /// <summary>The practice with a meeting point: the next two saves of a check-in's answer wait for each other.</summary>
    private sealed class RaceFactory : PracticeAppFactory
    {
        private readonly MeetBeforeSaving meeting = new();

        public void BothAnswersMeetBeforeSaving() => meeting.Arm();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(meeting)));
        }
    }

    private sealed class MeetBeforeSaving : SaveChangesInterceptor
    {
        private TaskCompletionSource? both;
        private int arrived;

        public void Arm()
        {
            arrived = 0;
            both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (both is { } meeting && eventData.Context is AppDbContext db
                && db.ChangeTracker.Entries<CheckIn>().Any(e => e.State == EntityState.Modified && e.Entity.AnsweredUtc is not null))
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    meeting.TrySetResult();
                }

                await meeting.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }

            return result;
        }
    }
}
