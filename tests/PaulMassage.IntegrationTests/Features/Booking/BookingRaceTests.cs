using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>Requests that arrive at the same moment. Each test has a practice of its own.</summary>
public sealed class RequestsAtTheSameMoment : IDisposable
{
    private readonly ClashingAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();


    /// <summary>Each client opens its own form (own cookie and token), then all post at once.</summary>
    private async Task<(VisitRequest Visit, HttpStatusCode Status, string Html, string? Location)[]> PostAllAtOnceAsync(IReadOnlyList<VisitRequest> visits)
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
                return (visit, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
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
    public async Task for_the_same_or_overlapping_times_accept_exactly_one_and_offer_the_others_new_times()
    {
        // Every pair of these clashes: starts at most an hour apart, each visit followed by 30 minutes' travel.
        var starts = new[] { Visits.March(2, 10), Visits.March(2, 10, 15), Visits.March(2, 10, 30), Visits.March(2, 10, 45), Visits.March(2, 11) };
        var visits = Enumerable.Range(0, 24).Select(i => new VisitRequest
        {
            StartUtc = starts[i % starts.Length],
            Minutes = i % 6 == 5 ? 90 : 60,
            Name = $"Racer Number{i}",
            Email = $"racer{i}@example.com",
            Phone = $"07700 9001{i:00}",
        }).ToList();

        var results = await PostAllAtOnceAsync(visits);

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{r.Visit.Email}: {(int)r.Status}"));
        var winner = Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.StartsWith("/bookings/", winner.Location, StringComparison.Ordinal);

        var stored = await _factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Client).Include(a => a.SlotClaims).ToListAsync());
        var appointment = Assert.Single(stored);
        Assert.Equal(winner.Visit.Email, appointment.Client!.Email);
        Assert.Equal(winner.Visit.StartUtc, appointment.StartUtc);
        Assert.Equal(winner.Visit.Minutes / 15 + 2, appointment.SlotClaims.Count);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Clients.CountAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.IntakeAssessments.CountAsync()));
        Assert.Equal(appointment.SlotClaims.Count, await _factory.WithDbAsync(db => db.SlotClaims.CountAsync()));

        foreach (var loser in results.Where(r => r.Status == HttpStatusCode.OK))
        {
            var page = Html.Parse(loser.Html);
            Assert.Contains("Sorry, someone has just booked that time. Please choose another; everything else you entered is kept.", page.ErrorSummary());
            Assert.Equal(loser.Visit.Name, page.FieldValue("Name"));
            Assert.Equal(loser.Visit.Email, page.FieldValue("Email"));
            Assert.Equal(loser.Visit.Phone, page.FieldValue("Phone"));
            Assert.Equal(loser.Visit.MainComplaint, page.FieldValue("Intake.MainComplaint"));
            Assert.Equal(loser.Visit.PainAreas.Order(StringComparer.Ordinal), page.Checked("Intake.PainAreas").Order(StringComparer.Ordinal));

            var alternatives = page.QuerySelectorAll("input[type='radio'][name='Start']")
                .Select(i => DateTime.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal))
                .ToList();
            Assert.NotEmpty(alternatives);
            Assert.All(alternatives, start =>
            {
                var end = start.AddMinutes(loser.Visit.Minutes);
                var clashes = start < appointment.EndUtc.AddMinutes(30) && appointment.StartUtc < end.AddMinutes(30);
                Assert.False(clashes, $"{start:u} clashes with the accepted visit.");
            });
        }
    }

    [Fact]
    public async Task offer_the_loser_no_time_that_clashes_with_a_visit_committed_before_this_instance_learned_of_it()
    {
        var first = new VisitRequest { StartUtc = Visits.March(2, 10), Name = "First Arrival", Email = "first@example.com", Phone = "07700 900201" };
        var second = new VisitRequest { StartUtc = Visits.March(2, 10, 30), Name = "Second Arrival", Email = "second@example.com", Phone = "07700 900202" };
        using var firstBrowser = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var secondBrowser = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var firstToken = await FormPost.AntiforgeryTokenAsync(firstBrowser, first.DetailsUrl);
        var secondToken = await FormPost.AntiforgeryTokenAsync(secondBrowser, second.DetailsUrl); // the free times are now cached without either visit
        var versionBefore = await VersionAsync();

        // The first request's visit is committed and held there, before this instance is told of
        // the change (it still knows the old version): the moment a request that loses to it is
        // answered on a busy machine.
        _factory.Raise.HoldNextCommit();
        var winning = Task.Run(async () =>
        {
            using var response = await BookingFlow.PostWithTokenAsync(firstBrowser, firstToken, first.Fields());
            return response.StatusCode;
        });
        await _factory.Raise.Held.WaitAsync(TimeSpan.FromSeconds(30));
        long versionAtCommit;
        HttpStatusCode lostStatus;
        string lostHtml;
        try
        {
            // The raise was committed with the visit: a reader of the database sees both at once.
            versionAtCommit = await VersionAsync();
            using var lost = await BookingFlow.PostWithTokenAsync(secondBrowser, secondToken, second.Fields());
            (lostStatus, lostHtml) = (lost.StatusCode, await lost.Content.ReadAsStringAsync());
        }
        finally
        {
            _factory.Raise.Release();
        }

        Assert.Equal(HttpStatusCode.Redirect, await winning);
        Assert.Equal(versionBefore + 1, versionAtCommit);
        Assert.Equal(HttpStatusCode.OK, lostStatus);
        var page = Html.Parse(lostHtml);
        Assert.Contains("Sorry, someone has just booked that time. Please choose another; everything else you entered is kept.", page.ErrorSummary());
        var alternatives = page.QuerySelectorAll("input[type='radio'][name='Start']")
            .Select(i => DateTime.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .ToList();
        Assert.NotEmpty(alternatives);
        Assert.All(alternatives, start => Assert.False(
            start < first.StartUtc.AddMinutes(first.Minutes + 30) && first.StartUtc < start.AddMinutes(second.Minutes + 30),
            $"{start:u} clashes with the accepted visit."));
    }

    [Fact]
    public async Task store_no_visit_whose_raise_of_the_schedule_version_fails_and_store_the_next_one_with_its_raise()
    {
        var versionBefore = await VersionAsync();

        // The raise fails (a busy or dropped database): the visit saved with it must not be stored,
        // or the cached free times would go on offering its time.
        _factory.Raise.FailNext();
        await Assert.ThrowsAnyAsync<Exception>(() => _factory.VisitAsync("raise.fails@example.com", Visits.March(2, 10)));

        Assert.Equal(0, await _factory.WithDbAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(versionBefore, await VersionAsync());

        // The same for a save without async, and the context is left fit for its next save.
        var (failed, saved) = await _factory.WithDbAsync(db =>
        {
            _factory.Raise.FailNext();
            db.TimeOff.Add(new TimeOff { StartUtc = Visits.March(3, 9), EndUtc = Visits.March(3, 12), Reason = "First try" });
            var failed = Record.Exception(() => db.SaveChanges());
            db.ChangeTracker.Clear();
            db.TimeOff.Add(new TimeOff { StartUtc = Visits.March(3, 9), EndUtc = Visits.March(3, 12), Reason = "Second try" });
            return Task.FromResult((failed, db.SaveChanges()));
        });
        Assert.NotNull(failed);
        Assert.Equal(1, saved);
        Assert.Equal(["Second try"], await _factory.WithDbAsync(db => db.TimeOff.Select(t => t.Reason!).ToListAsync()));
        Assert.Equal(versionBefore + 1, await VersionAsync());
    }

    [Fact]
    public async Task leave_no_transaction_open_when_a_change_to_a_visit_is_refused_for_a_stale_stamp()
    {
        var visit = await _factory.VisitAsync("stale.stamp@example.com", Visits.March(4, 10));
        var versionBefore = await VersionAsync();

        var openAfterRefusal = await _factory.WithDbAsync(async db =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == visit.Id);
            await _factory.WithDbAsync(other => other.Appointments.Where(a => a.Id == visit.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, Guid.NewGuid()))); // changed by someone else meanwhile
            appointment.Postcode = "E1 6AN";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return db.Database.CurrentTransaction is not null; // on SQLite, one left open would hold the write lock
        });

        Assert.False(openAfterRefusal);
        Assert.Equal(versionBefore, await VersionAsync());
    }

    private Task<long> VersionAsync() => _factory.WithDbAsync(db => db.ScheduleVersions.AsNoTracking().Select(v => v.Value).SingleAsync());

    [Fact]
    public async Task from_one_address_without_signing_in_are_all_accepted_each_on_a_provisional_record_of_its_own()
    {
        var starts = new[] { Visits.March(3, 9), Visits.March(3, 11), Visits.March(3, 13), Visits.March(3, 15), Visits.March(3, 17), Visits.March(4, 9), Visits.March(4, 11), Visits.March(4, 13) };
        var visits = starts.Select((start, i) => new VisitRequest
        {
            StartUtc = start,
            Email = i % 2 == 0 ? "Twin.Booker@example.com" : "twin.booker@EXAMPLE.com",
        }).ToList();

        var results = await PostAllAtOnceAsync(visits);

        // Typing an address proves nothing, so no booking joins another or becomes the address's record.
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        var clients = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).ToListAsync());
        Assert.Equal(starts.Length, clients.Count);
        Assert.All(clients, c => Assert.True(c.Provisional && c.Appointments.Count == 1));
        Assert.Equal(starts.Order(), clients.SelectMany(c => c.Appointments).Select(a => a.StartUtc).Order());
    }

    [Fact]
    public async Task from_one_signed_in_client_for_different_times_are_all_accepted_on_the_accounts_one_record()
    {
        await _factory.ClientAccountAsync("twin.booker@example.com", SigningIn.ClientPassword);
        using var browser = await _factory.SignedInAsync("twin.booker@example.com", SigningIn.ClientPassword);
        var starts = new[] { Visits.March(3, 9), Visits.March(3, 11), Visits.March(3, 13), Visits.March(3, 15), Visits.March(4, 9), Visits.March(4, 11) };
        var visits = starts.Select(start => new VisitRequest { StartUtc = start, Email = "typed.by.hand@example.com" }).ToList();
        var tokens = new List<string>();
        foreach (var visit in visits)
        {
            tokens.Add(await FormPost.AntiforgeryTokenAsync(browser, visit.DetailsUrl));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = visits.Select(async (visit, i) =>
        {
            await gate.Task;
            using var response = await BookingFlow.PostWithTokenAsync(browser, tokens[i], visit.Fields());
            return response.StatusCode;
        }).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(posts), status => Assert.Equal(HttpStatusCode.Redirect, status));
        var client = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).SingleAsync());
        Assert.False(client.Provisional);
        Assert.NotNull(client.UserId);
        Assert.Equal("twin.booker@example.com", client.Email); // the account's confirmed address, not the one typed
        Assert.Equal(starts.Order(), client.Appointments.Select(a => a.StartUtc).Order());
    }

    [Fact]
    public async Task from_a_signed_in_client_whose_address_record_is_added_meanwhile_is_stored_on_that_record()
    {
        await _factory.ClientAccountAsync("late.arrival@example.com", SigningIn.ClientPassword);
        using var browser = await _factory.SignedInAsync("late.arrival@example.com", SigningIn.ClientPassword);

        // Another request stores the address's record between this one's look-up and its save.
        _factory.Clash.ArmFor("LATE.ARRIVAL@EXAMPLE.COM");
        var visit = new VisitRequest { StartUtc = Visits.March(5, 10), Email = "late.arrival@example.com" };

        using var response = await BookingFlow.SubmitAsync(browser, visit);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(_factory.Clash.Fired);
        var client = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).SingleAsync());
        Assert.Equal(new DateTime(2027, 3, 1, 8, 59, 0, DateTimeKind.Utc), client.CreatedUtc); // the row the other request stored
        Assert.Equal((visit.Name, visit.Phone), (client.Name, client.Phone)); // the signed-in owner's own details
        Assert.NotNull(client.UserId);
        var appointment = Assert.Single(client.Appointments);
        Assert.Equal(Web.Features.Booking.ManageToken.Hash(SecurityScenario.TokenOf(response.Headers.Location!)), appointment.ManageTokenHash);
    }

    /// <summary>A practice whose next save of a new client finds that client stored by "someone else" first.</summary>
    private sealed class ClashingAppFactory : PracticeAppFactory
    {
        public ClientClash Clash { get; } = new();

        public HeldRaise Raise { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Clash.ConnectionString = $"Data Source={DatabasePath}";
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Clash, Raise)));
        }
    }

    /// <summary>
    /// Watches the raise of the schedule version (the <c>UPDATE</c> its interceptor runs with every
    /// save that touches the schedule): fails the next one, or holds the next commit of a transaction
    /// that ran one, just after that commit and before the save returns (so before the saving
    /// instance is told of the change), until released.
    /// </summary>
    private sealed class HeldRaise : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Data.Common.DbTransaction, object> _raisedIn = new();
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _held;
        private int _failNext;

        /// <summary>Completes when the held commit is waiting.</summary>
        public Task Held => _held?.Task ?? throw new InvalidOperationException("Nothing is to be held.");

        public void HoldNextCommit() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public void FailNext() => Volatile.Write(ref _failNext, 1);

        public override InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Watch(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Watch(command);
            return ValueTask.FromResult(result);
        }

        public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (_raisedIn.TryGetValue(transaction, out _) && _held is { Task.IsCompleted: false } held)
            {
                held.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            }
        }

        private void Watch(System.Data.Common.DbCommand command)
        {
            if (!command.CommandText.Contains("UPDATE \"ScheduleVersions\"", StringComparison.Ordinal))
            {
                return;
            }

            if (Interlocked.Exchange(ref _failNext, 0) == 1)
            {
                throw new InvalidOperationException("The raise of the schedule version failed (test).");
            }

            if (command.Transaction is { } transaction)
            {
                _raisedIn.AddOrUpdate(transaction, this);
            }
        }
    }

    /// <summary>
    /// Stores the armed client from another connection just before the save that adds it begins its
    /// transaction (which, on SQLite, takes the write lock that other connection would wait for).
    /// </summary>
    private sealed class ClientClash : DbTransactionInterceptor
    {
        private string? _normalizedEmail;

        public string ConnectionString { get; set; } = string.Empty;

        public bool Fired { get; private set; }

        public void ArmFor(string normalizedEmail) => _normalizedEmail = normalizedEmail;

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var adding = eventData.Context!.ChangeTracker.Entries<Client>()
                .Any(e => e.State == EntityState.Added && e.Entity.NormalizedEmail == _normalizedEmail);
            if (adding && !Fired)
            {
                Fired = true;
                await using var other = new SqliteConnection(ConnectionString);
                await other.OpenAsync(cancellationToken);
                await using var insert = other.CreateCommand();
                insert.CommandText = "INSERT INTO Clients (Name, Email, NormalizedEmail, Phone, CreatedUtc) VALUES ('Inserted Meanwhile', $email, $normalized, '07700 900999', '2027-03-01 08:59:00')";
                insert.Parameters.AddWithValue("$email", _normalizedEmail!.ToLowerInvariant());
                insert.Parameters.AddWithValue("$normalized", _normalizedEmail);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
