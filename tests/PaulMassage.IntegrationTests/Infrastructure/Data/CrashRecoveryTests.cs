using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

/// <summary>
/// The site is killed in the middle of a burst of bookings and started again: every booking that
/// was answered as accepted is there, and none is half-written.
/// </summary>
public sealed class TheCrashRecovery : IDisposable
{
    private const int Burst = 30;
    private const int InFlight = 4;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "paulmassage-tests", "crash-" + Guid.NewGuid().ToString("N"));

    public TheCrashRecovery() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task keeps_every_accepted_booking_whole_after_the_site_is_killed_mid_burst()
    {
        var accepted = new ConcurrentBag<string>();
        using (var site = await SiteProcess.StartAsync(folder))
        {
            var starts = await FreeStartsAsync(site);
            Assert.True(starts.Count >= Burst, $"Only {starts.Count} free slots");

            // Each visitor opens the form first (its own cookies and token), then they all post at once.
            var visitors = new List<(HttpClient Client, string Token, string Start)>();
            foreach (var start in starts.Take(Burst))
            {
                var client = site.Browser();
                var page = "/book/details?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&start=" + Uri.EscapeDataString(start);
                visitors.Add((client, await FormPost.AntiforgeryTokenAsync(client, page), start));
            }

            // A few posts in flight at a time, so the kill always lands while some are being written
            // and others have not been sent: with all thirty at once, a busy machine could answer
            // them all before the test saw the first few answers, and the kill would prove nothing.
            var killAfter = Burst / 4;
            using var inFlight = new SemaphoreSlim(InFlight);
            var posts = visitors.Select((v, i) => Task.Run(async () =>
            {
                await inFlight.WaitAsync();
                try
                {
                    var fields = SecurityScenario.ValidBookingFields(DateTime.Parse(v.Start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), $"Crash Client {i}", $"crash{i}@test.example")
                        .Append(new KeyValuePair<string, string>("__RequestVerificationToken", v.Token));
                    using var content = new FormUrlEncodedContent(fields);
                    using var response = await v.Client.PostAsync("/book/details", content);
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
                        && location.OriginalString.StartsWith("/bookings/", StringComparison.Ordinal))
                    {
                        accepted.Add(SecurityScenario.TokenOf(location));
                        if (accepted.Count >= killAfter)
                        {
                            site.Kill();
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The site died under this request: it was never answered as accepted.
                }
                catch (TaskCanceledException)
                {
                }
                finally
                {
                    inFlight.Release();
                }
            })).ToList();
            await Task.WhenAll(posts);
            site.Kill();
            foreach (var visitor in visitors)
            {
                visitor.Client.Dispose();
            }
        }

        Assert.True(accepted.Count >= Burst / 4, $"{accepted.Count} bookings were accepted before the kill");
        Assert.True(accepted.Count < Burst, "The kill came after the whole burst had been answered, so it proved nothing.");

        using var restarted = await SiteProcess.StartAsync(folder);
        using var browser = restarted.Browser();
        foreach (var token in accepted)
        {
            using var page = await browser.GetAsync($"/bookings/{token}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await AssertNothingHalfWrittenAsync(accepted.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private static async Task<List<string>> FreeStartsAsync(SiteProcess site)
    {
        using var client = site.Browser();
        var from = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/availability?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&from={from}&days=28&version=1"));
        var starts = json.RootElement.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startUtc").GetDateTime()).ToList();

        // Two hours apart, so that no booking's travel buffer blocks another's.
        var chosen = new List<DateTime>();
        foreach (var start in starts.Where(start => chosen.All(c => Math.Abs((c - start).TotalMinutes) >= 120)))
        {
            chosen.Add(start);
        }

        return chosen.Select(s => DateTime.SpecifyKind(s, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).ToList();
    }

    private async Task AssertNothingHalfWrittenAsync(int accepted)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "site.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.True(await CountAsync("SELECT COUNT(*) FROM Appointments") >= accepted);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Appointments a WHERE NOT EXISTS (SELECT 1 FROM IntakeAssessments i WHERE i.AppointmentId = a.Id)"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Appointments a WHERE NOT EXISTS (SELECT 1 FROM AppointmentEvents e WHERE e.AppointmentId = a.Id)"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Appointments a WHERE a.Status = 0 AND NOT EXISTS (SELECT 1 FROM SlotClaims c WHERE c.AppointmentId = a.Id)"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Clients c WHERE NOT EXISTS (SELECT 1 FROM Appointments a WHERE a.ClientId = c.Id)"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM IntakeAssessments i WHERE NOT EXISTS (SELECT 1 FROM Appointments a WHERE a.Id = i.AppointmentId)"));
        Assert.Equal("ok", await ScalarTextAsync(connection, "PRAGMA integrity_check"));
    }

    private static async Task<string?> ScalarTextAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
