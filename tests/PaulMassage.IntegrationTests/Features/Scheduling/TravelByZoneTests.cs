using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Scheduling;

/// <summary>
/// Requests in a practice that travels by zone (<see cref="TravelByZonePractice"/>): East (E14) and
/// Kensington (SW7) are an hour apart, so after a 10:00 visit in E14 the next in SW7 can start at
/// 12:00, though the slot claims alone (the visit and the shortest drive, 30 minutes) end at 11:30.
/// Each test has a practice of its own.
/// </summary>
public sealed class NeighbouringRequestsWithTravelByZone : IDisposable
{
    private const string East = "E14 5AB";
    private const string Kensington = "SW7 2AZ";

    private readonly TurnTakingPractice _factory = new();

    public void Dispose() => _factory.Dispose();

    private static VisitRequest Request(DateTime start, string postcode, int i) => new()
    {
        StartUtc = start,
        Postcode = postcode,
        Name = $"Neighbour Number{i}",
        Email = $"neighbour{i}@example.com",
        Phone = $"07700 9002{i:00}",
    };

    /// <summary>Each client opens its own form (own cookie and token), then all post at once.</summary>
    private async Task<HttpStatusCode[]> PostAllAtOnceAsync(IReadOnlyList<VisitRequest> visits)
    {
        var clients = visits.Select(_ => _factory.CreateClient(new() { AllowAutoRedirect = false })).ToList();
        try
        {
            var tokens = new string[visits.Count];
            for (var i = 0; i < visits.Count; i++)
            {
                tokens[i] = await FormPost.AntiforgeryTokenAsync(clients[i], visits[i].DetailsUrl);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = visits.Select(async (visit, i) =>
            {
                await gate.Task;
                using var response = await BookingFlow.PostWithTokenAsync(clients[i], tokens[i], visit.Fields());
                return response.StatusCode;
            }).ToList();
            gate.SetResult();
            return await Task.WhenAll(posts);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task for_neighbouring_times_whose_drive_overlaps_accept_exactly_one_of_each_pair()
    {
        // Five days, each with a pair: 10:00 in E14 and 11:45 in SW7 (an hour's drive after 11:00). Each alone is free.
        var days = new[] { 2, 3, 4, 5, 8 };
        var visits = days.SelectMany((day, i) => new[]
        {
            Request(Visits.March(day, 10), East, 2 * i),
            Request(Visits.March(day, 11, 45), Kensington, (2 * i) + 1),
        }).ToList();

        var results = await PostAllAtOnceAsync(visits);

        Assert.All(results, status => Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)status}"));
        var stored = await _factory.WithDbAsync(db => db.Appointments.AsNoTracking().ToListAsync());
        Assert.Equal(days.Length, stored.Count);
        foreach (var day in days)
        {
            Assert.Single(stored, a => a.StartUtc.Date == Visits.March(day, 0).Date);
        }

        Assert.Equal(days.Length, results.Count(r => r == HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task for_neighbouring_times_a_full_drive_apart_accept_both_at_once()
    {
        var visits = new[] { Request(Visits.March(2, 10), East, 0), Request(Visits.March(2, 12), Kensington, 1) };

        var results = await PostAllAtOnceAsync(visits);

        Assert.All(results, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Appointments.CountAsync()));
        // Each took the turns of its time and half the longest drive (an hour) each side, none of the other's.
        var turns = await _factory.WithDbAsync(db => db.TravelTurns.AsNoTracking().ToListAsync());
        Assert.Equal(2 * (60 + 30 + 30) / 15, turns.Count);
        Assert.All(turns, t => Assert.Equal(1, t.Turn));
    }

    [Fact]
    public async Task refuse_at_the_save_a_time_whose_drive_a_visit_stored_meanwhile_overlaps()
    {
        // Both passed their checks on an empty day; the E14 visit is stored first.
        await _factory.VisitAsync("first@example.com", Visits.March(2, 10), AppointmentStatus.Requested, postcode: East);

        await using var scope = _factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.Services.Include(s => s.Options).SingleAsync(s => s.Slug == "deep-tissue-massage");
        var client = new Client { Name = "Second Client", Email = "second@example.com", NormalizedEmail = "SECOND@EXAMPLE.COM", Phone = "07700 900002", CreatedUtc = Visits.March(1, 9) };
        var later = Appointment.Request(
            new VisitPlan(service.Id, 60, 70m, Visits.March(2, 11, 45), "2 Test Street", null, "London", Kensington, null, null),
            client, new VisitKeys(ManageToken.CreateReference(), ManageToken.Create(), null), BookingService.ClientActor, Visits.March(1, 9), 30);
        db.Appointments.Add(later);

        var refused = await Assert.ThrowsAsync<SlotClaimConflictException>(() => db.SaveChangesAsync());

        Assert.True(UniqueViolation.Involves(refused, nameof(AppDbContext.SlotClaims)));
        Assert.Equal(1, await _factory.WithDbAsync(d => d.Appointments.CountAsync()));
    }

    [Fact]
    public async Task guard_a_save_with_the_settings_the_request_already_read_not_a_query_of_its_own()
    {
        await using var scope = _factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.Services.Include(s => s.Options).SingleAsync(s => s.Slug == "deep-tissue-massage");
        await scope.ServiceProvider.GetRequiredService<SchedulingSettings>().GetAsync(); // as the booking's own check does
        var client = new Client { Name = "A Client", Email = "a@example.com", NormalizedEmail = "A@EXAMPLE.COM", Phone = "07700 900001", CreatedUtc = Visits.March(1, 9) };
        db.Appointments.Add(Appointment.Request(
            new VisitPlan(service.Id, 60, 70m, Visits.March(2, 12), "2 Test Street", null, "London", Kensington, null, null),
            client, new VisitKeys(ManageToken.CreateReference(), ManageToken.Create(), null), BookingService.ClientActor, Visits.March(1, 9), 30));
        _factory.Sql.Clear();

        await db.SaveChangesAsync();

        Assert.NotEmpty(await _factory.WithDbAsync(d => d.TravelTurns.ToListAsync())); // the guard ran, by zone
        Assert.DoesNotContain(_factory.Sql.Commands, c => c.Contains("\"PracticeSettings\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task refuse_at_the_save_a_time_whose_turn_another_save_took_after_it_was_read()
    {
        // Another booking near this one commits between this save's reading of the turns and its insert.
        _factory.Meanwhile.Armed = true;

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() =>
            _factory.VisitAsync("second@example.com", Visits.March(2, 11, 45), AppointmentStatus.Requested, postcode: Kensington));

        Assert.True(_factory.Meanwhile.Fired);
        Assert.True(UniqueViolation.Involves(refused, nameof(AppDbContext.SlotClaims)));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Appointments.CountAsync()));
    }

    [Fact]
    public async Task refuse_a_request_inside_the_drive_from_the_visit_before_and_offer_times_after_it()
    {
        await _factory.VisitAsync("first@example.com", Visits.March(2, 10), postcode: East);
        using var browser = _factory.CreateClient(new() { AllowAutoRedirect = false });

        // The form is not offered at 11:45; a request sent for it anyway (an old page) is refused with the input kept.
        var token = await FormPost.AntiforgeryTokenAsync(browser, Request(Visits.March(2, 12), Kensington, 1).DetailsUrl);
        var tooSoonRequest = Request(Visits.March(2, 11, 45), Kensington, 1);
        using var tooSoon = await BookingFlow.PostWithTokenAsync(browser, token, tooSoonRequest.Fields());
        using var inTime = await BookingFlow.SubmitAsync(browser, Request(Visits.March(2, 12), Kensington, 2));

        Assert.Equal(HttpStatusCode.OK, tooSoon.StatusCode);
        var page = Html.Parse(await tooSoon.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal(tooSoonRequest.Name, page.FieldValue("Name"));
        Assert.DoesNotContain(page.QuerySelectorAll("input[type='radio'][name='Start']"), i => i.GetAttribute("value")!.StartsWith("2027-03-02T11:45", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, inTime.StatusCode);
        var stored = await _factory.WithDbAsync(db => db.Appointments.AsNoTracking().Select(a => a.StartUtc).OrderBy(s => s).ToListAsync());
        Assert.Equal([Visits.March(2, 10), Visits.March(2, 12)], stored);
    }

    [Fact]
    public async Task answer_the_availability_api_with_travel_by_the_postcodes_zone_and_the_flat_buffer_without_one()
    {
        await _factory.VisitAsync("first@example.com", Visits.March(2, 10), postcode: East);
        using var api = _factory.CreateClient();

        async Task<List<string[]>> WindowsAsync(string postcode)
        {
            using var response = await api.GetAsync("/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-02&days=1" + postcode);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var day = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("free")[0];
            return day.GetProperty("windows").EnumerateArray().Select(w => w.EnumerateArray().Select(t => t.GetString()!).ToArray()).ToList();
        }

        // Without a postcode, as before zones: 30 minutes around each visit, no drive from home.
        Assert.Equal([["11:30+00:00", "18:00+00:00"]], await WindowsAsync(string.Empty));
        // In SW7: an hour from home (E1) and from the E14 visit, both ways.
        Assert.Equal([["12:00+00:00", "18:00+00:00"]], await WindowsAsync("&postcode=SW7%202AZ"));
        // In E1: half an hour from home, and half an hour either side of the E14 visit.
        Assert.Equal([["11:30+00:00", "18:00+00:00"]], await WindowsAsync("&postcode=e1"));
        // On a day with nothing booked, the first start waits for the drive from home.
        using var empty = await api.GetAsync("/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-03&days=1&postcode=SW7%202AZ");
        Assert.Equal("10:00+00:00", JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("free")[0].GetProperty("windows")[0][0].GetString());
    }

    [Fact]
    public async Task show_each_drive_with_its_minutes_in_the_week_and_the_day()
    {
        await _factory.VisitAsync("first@example.com", Visits.March(2, 10), postcode: East);
        await _factory.VisitAsync("second@example.com", Visits.March(2, 12), postcode: Kensington);
        using var paul = await _factory.TherapistAsync(followRedirects: false);

        var week = await (await paul.GetAsync("/admin/calendar?week=2027-03-01")).TextAsync();
        var day = await (await paul.GetAsync("/admin/day?date=2027-03-02")).TextAsync();

        Assert.Contains("From home 09:30–10:00, 30 min", week, StringComparison.Ordinal); // E1 to E14
        Assert.Contains("Travel 11:00–12:00, 60 min", week, StringComparison.Ordinal);   // E14 to SW7
        Assert.Contains("From home: 30 minutes.", day, StringComparison.Ordinal);
        Assert.Contains("Travel to the next visit: 1 hour.", day, StringComparison.Ordinal);
        Assert.Contains("Travel by zone between visits; 30 minutes to or from a place in none of your zones.", day, StringComparison.Ordinal);
    }

    [Fact]
    public async Task refuse_a_postcode_the_availability_api_cannot_read_with_a_message()
    {
        using var api = _factory.CreateClient();

        using var response = await api.GetAsync("/api/availability?service=deep-tissue-massage&minutes=60&postcode=not-a-place");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a UK postcode such as SE1 7PB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task offer_the_booking_forms_times_for_the_postcode_given_in_its_first_step()
    {
        using var browser = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var tooEarly = await browser.GetAsync(Request(Visits.March(3, 9, 45), Kensington, 1).DetailsUrl);
        using var inTime = await browser.GetAsync(Request(Visits.March(3, 10), Kensington, 1).DetailsUrl);
        using var nearHome = await browser.GetAsync(Request(Visits.March(3, 9, 30), "E1 6AN", 1).DetailsUrl);

        Assert.Equal(HttpStatusCode.Redirect, tooEarly.StatusCode); // not offered: back to the times
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nearHome.StatusCode);
    }

    /// <summary>A practice by zone whose next save finds one of its travel turns taken by "someone else" first.</summary>
    private sealed class TurnTakingPractice : PracticeAppFactory
    {
        public TurnTakenMeanwhile Meanwhile { get; } = new();

        public SqlCommandLog Sql { get; } = new();

        public TurnTakingPractice() => TravelByZonePractice.ByZone(this);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Meanwhile.ConnectionString = $"Data Source={DatabasePath}";
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Meanwhile, Sql)));
        }
    }

    /// <summary>
    /// Runs after the guard has read the turns, as the save begins its transaction (which, on SQLite,
    /// takes the write lock another connection would wait for): stores the first turn it is about to
    /// take, from another connection.
    /// </summary>
    private sealed class TurnTakenMeanwhile : DbTransactionInterceptor
    {
        public string ConnectionString { get; set; } = string.Empty;

        public bool Armed { get; set; }

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var turn = eventData.Context!.ChangeTracker.Entries<TravelTurn>().FirstOrDefault(e => e.State == EntityState.Added)?.Entity;
            if (Armed && !Fired && turn is not null)
            {
                Fired = true;
                await using var other = new SqliteConnection(ConnectionString);
                await other.OpenAsync(cancellationToken);
                await using var insert = other.CreateCommand();
                insert.CommandText = "INSERT INTO TravelTurns (CellStartUtc, Turn) VALUES ($cell, $turn)";
                insert.Parameters.AddWithValue("$cell", turn.CellStartUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$turn", turn.Turn);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
