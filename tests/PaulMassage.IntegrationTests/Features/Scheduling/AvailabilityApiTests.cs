using System.Net;
using System.Text.Json;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Scheduling;

public sealed class TheAvailabilityApi(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private async Task<JsonElement> GetJsonAsync(string query)
    {
        using var client = Factory.CreateClient();
        using var response = await client.GetAsync("/api/availability?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<(string Start, string StartUtc, string End)> Slots(JsonElement json) =>
        json.GetProperty("slots").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetString()!, s.GetProperty("startUtc").GetString()!, s.GetProperty("end").GetString()!))
            .ToList();

    [Fact]
    public async Task answers_each_day_with_its_free_windows_and_the_step()
    {
        await BookingFlow.BookAsync(Factory, new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 17, 12, 0, 0, DateTimeKind.Utc),
            Email = "availability-windows@example.com",
        });

        var json = await GetJsonAsync("service=deep-tissue-massage&minutes=60&from=2027-03-17&days=5");

        Assert.Equal(15, json.GetProperty("step").GetInt32());
        Assert.Equal("Europe/London", json.GetProperty("timeZone").GetString());
        var days = json.GetProperty("free").EnumerateArray().ToList();
        Assert.Equal(["2027-03-17", "2027-03-18", "2027-03-19", "2027-03-20", "2027-03-21"], days.Select(d => d.GetProperty("date").GetString()));
        string[][] Windows(int i) => [.. days[i].GetProperty("windows").EnumerateArray().Select(w => w.EnumerateArray().Select(t => t.GetString()!).ToArray())];

        // The visit at 12:00 and its 30 minutes of travel on each side split the Wednesday.
        Assert.Equal([["09:00+00:00", "10:30+00:00"], ["13:30+00:00", "18:00+00:00"]], Windows(0));
        Assert.Equal([["09:00+00:00", "18:00+00:00"]], Windows(1));
        Assert.Equal([["09:00+00:00", "13:00+00:00"]], Windows(3)); // Saturday closes at 14:00
        Assert.Empty(Windows(4)); // Sunday: shown, with nothing free
    }

    [Fact]
    public async Task gives_summer_time_windows_with_a_plus_one_offset()
    {
        var json = await GetJsonAsync("service=swedish-massage&minutes=90&from=2027-03-29&days=1");

        var window = Assert.Single(Assert.Single(json.GetProperty("free").EnumerateArray().ToList()).GetProperty("windows").EnumerateArray().ToList());
        Assert.Equal(["09:00+01:00", "17:30+01:00"], window.EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task offers_the_same_starts_in_its_windows_as_the_first_version_lists()
    {
        await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 24, 14, 15, 0, DateTimeKind.Utc), Email = "availability-same@example.com" });
        const string query = "service=deep-tissue-massage&minutes=60&days=56";

        var windows = AvailabilityProbe.Starts(await GetJsonAsync(query)).ToList();
        var listed = Slots(await GetJsonAsync(query + "&version=1")).Select(s => DateTime.Parse(s.StartUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();

        Assert.NotEmpty(windows);
        Assert.Equal(listed, windows);
    }

    [Fact]
    public async Task answers_eight_weeks_in_under_10_kilobytes()
    {
        using var client = Factory.CreateClient();

        var bytes = await client.GetByteArrayAsync("/api/availability?service=deep-tissue-massage&minutes=60&days=56");

        Assert.InRange(bytes.Length, 1000, 10 * 1024);
    }

    [Fact]
    public async Task answers_with_local_starts_with_their_offset_and_utc_starts_in_the_first_version()
    {
        var json = await GetJsonAsync("service=deep-tissue-massage&minutes=60&from=2027-03-02&days=1&version=1");

        Assert.Equal("deep-tissue-massage", json.GetProperty("service").GetString());
        Assert.Equal(60, json.GetProperty("minutes").GetInt32());
        Assert.Equal("2027-03-02", json.GetProperty("from").GetString());
        Assert.Equal(1, json.GetProperty("days").GetInt32());
        Assert.Equal("Europe/London", json.GetProperty("timeZone").GetString());
        var slots = Slots(json);
        Assert.Equal(("2027-03-02T09:00:00+00:00", "2027-03-02T09:00:00Z", "2027-03-02T10:00:00+00:00"), slots[0]);
        Assert.Equal(("2027-03-02T18:00:00+00:00", "2027-03-02T18:00:00Z", "2027-03-02T19:00:00+00:00"), slots[^1]);
    }

    [Fact]
    public async Task gives_summer_time_starts_with_a_plus_one_offset_in_the_first_version()
    {
        var json = await GetJsonAsync("service=swedish-massage&minutes=90&from=2027-03-29&days=1&version=1");

        var slots = Slots(json);
        Assert.Equal(("2027-03-29T09:00:00+01:00", "2027-03-29T08:00:00Z", "2027-03-29T10:30:00+01:00"), slots[0]);
        Assert.Equal("2027-03-29T17:30:00+01:00", slots[^1].Start);
    }

    [Fact]
    public async Task starts_today_and_keeps_the_24_hour_notice_and_the_working_hours()
    {
        // The fake clock says Monday 1 March 2027, 09:00.
        var json = await GetJsonAsync("service=trigger-point-therapy&minutes=60&days=7&version=1");

        Assert.Equal("2027-03-01", json.GetProperty("from").GetString());
        var starts = Slots(json).Select(s => DateTimeOffset.Parse(s.Start, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero), starts[0]);
        Assert.DoesNotContain(starts, s => s.Day == 1); // Monday is inside the notice window
        Assert.DoesNotContain(starts, s => s.DayOfWeek == DayOfWeek.Sunday);
        Assert.All(starts, s => Assert.InRange(s.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(18)));
        Assert.Equal(new TimeSpan(13, 0, 0), starts.Where(s => s.DayOfWeek == DayOfWeek.Saturday).Max()!.TimeOfDay);
        Assert.Equal(5, starts.Select(s => s.Date).Distinct().Count()); // Tuesday to Saturday
    }

    [Fact]
    public async Task stops_at_the_booking_horizon()
    {
        var json = await GetJsonAsync("service=myofascial-release&minutes=60&from=2027-04-24&days=7&version=1");

        var last = Slots(json)[^1];
        Assert.Equal("2027-04-26T09:00:00Z", last.StartUtc); // 56 days after now
    }

    [Fact]
    public async Task answers_404_for_an_unknown_service()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/api/availability?service=hot-stones&minutes=60");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("No such treatment.", json.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("service=deep-tissue-massage&minutes=45", "minutes")]
    [InlineData("service=deep-tissue-massage&minutes=abc", "minutes")]
    [InlineData("service=deep-tissue-massage", "minutes")]
    [InlineData("minutes=60", "service")]
    [InlineData("service=deep-tissue-massage&minutes=60&days=0", "days")]
    [InlineData("service=deep-tissue-massage&minutes=60&days=63", "days")]
    [InlineData("service=deep-tissue-massage&minutes=60&from=yesterday", "from")]
    public async Task answers_400_naming_the_bad_parameter(string query, string parameter)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/api/availability?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task leaves_out_a_booked_visit_and_its_travel_buffer()
    {
        await BookingFlow.BookAsync(Factory, new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 10, 12, 0, 0, DateTimeKind.Utc),
            Email = "availability-api@example.com",
        });

        var starts = Slots(await GetJsonAsync("service=deep-tissue-massage&minutes=60&from=2027-03-10&days=1&version=1")).Select(s => s.StartUtc).ToList();

        Assert.Contains("2027-03-10T10:30:00Z", starts);
        Assert.DoesNotContain("2027-03-10T10:45:00Z", starts);
        Assert.DoesNotContain("2027-03-10T12:00:00Z", starts);
        Assert.DoesNotContain("2027-03-10T13:15:00Z", starts);
        Assert.Contains("2027-03-10T13:30:00Z", starts);
    }
}

public sealed class TheAvailabilityQuery(TheAvailabilityQuery.Fixture fixture) : IClassFixture<TheAvailabilityQuery.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public SqlRecordingAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>The commands of the first answer after a change, and of the next one.</summary>
    private async Task<(IReadOnlyList<string> First, IReadOnlyList<string> Next)> CommandsForAsync(int days, DateTime changeAtUtc)
    {
        var factory = fixture.Factory;
        using var client = factory.CreateClient();
        var url = $"/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-01&days={days}";
        (await client.GetAsync(url)).EnsureSuccessStatusCode(); // warms the settings cache
        await BookingFlow.BookAsync(factory, new VisitRequest { StartUtc = changeAtUtc, Email = $"q-{days}@example.com" }); // a new schedule version
        factory.Sql.Clear();

        using var response = await client.GetAsync(url);

        response.EnsureSuccessStatusCode();
        var first = factory.Sql.Commands;
        factory.Sql.Clear();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return (first, factory.Sql.Commands);
    }

    [Fact]
    public async Task reads_the_visits_and_time_off_of_one_day_one_week_or_eight_weeks_in_one_statement_once_per_schedule_version()
    {
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc), Email = "q1@example.com" });
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 4, 14, 10, 0, 0, DateTimeKind.Utc), Email = "q2@example.com" });

        var change = new DateTime(2027, 3, 16, 10, 0, 0, DateTimeKind.Utc);
        foreach (var days in new[] { 1, 7, 56 })
        {
            var (commands, next) = await CommandsForAsync(days, change);
            change = change.AddDays(1);

            // Exactly one command reads availability data, and it reads both tables.
            var availability = Assert.Single(commands, c => c.Contains("\"Appointments\"", StringComparison.Ordinal) || c.Contains("\"TimeOff\"", StringComparison.Ordinal));
            Assert.Contains("\"Appointments\"", availability, StringComparison.Ordinal);
            Assert.Contains("\"TimeOff\"", availability, StringComparison.Ordinal);
            Assert.Contains("UNION ALL", availability, StringComparison.Ordinal);
            Assert.Contains("\"StartUtc\" >=", availability, StringComparison.Ordinal);
            Assert.Contains("\"StartUtc\" <", availability, StringComparison.Ordinal);

            // Until the schedule changes again, the answer comes from memory.
            Assert.DoesNotContain(next, c => c.Contains("\"Appointments\"", StringComparison.Ordinal) || c.Contains("\"TimeOff\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task finds_both_visits_eight_weeks_apart_with_that_one_query()
    {
        using var client = fixture.Factory.CreateClient();
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 4, 12, 0, 0, DateTimeKind.Utc), Email = "q3@example.com" });
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 4, 22, 12, 0, 0, DateTimeKind.Utc), Email = "q4@example.com" });

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-01&days=56&version=1")).RootElement;
        var starts = json.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startUtc").GetString()).ToList();

        Assert.DoesNotContain("2027-03-04T12:00:00Z", starts);
        Assert.DoesNotContain("2027-04-22T12:00:00Z", starts);
        Assert.Contains("2027-03-04T14:00:00Z", starts);
        Assert.Contains("2027-04-22T14:00:00Z", starts);
    }
}
