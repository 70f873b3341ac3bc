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
    public async Task answers_with_local_starts_with_their_offset_and_utc_starts()
    {
        var json = await GetJsonAsync("service=deep-tissue-massage&minutes=60&from=2027-03-02&days=1");

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
    public async Task gives_summer_time_starts_with_a_plus_one_offset()
    {
        var json = await GetJsonAsync("service=swedish-massage&minutes=90&from=2027-03-29&days=1");

        var slots = Slots(json);
        Assert.Equal(("2027-03-29T09:00:00+01:00", "2027-03-29T08:00:00Z", "2027-03-29T10:30:00+01:00"), slots[0]);
        Assert.Equal("2027-03-29T17:30:00+01:00", slots[^1].Start);
    }

    [Fact]
    public async Task starts_today_and_keeps_the_24_hour_notice_and_the_working_hours()
    {
        // The fake clock says Monday 1 March 2027, 09:00.
        var json = await GetJsonAsync("service=trigger-point-therapy&minutes=60&days=7");

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
        var json = await GetJsonAsync("service=myofascial-release&minutes=60&from=2027-04-24&days=7");

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

        var starts = Slots(await GetJsonAsync("service=deep-tissue-massage&minutes=60&from=2027-03-10&days=1")).Select(s => s.StartUtc).ToList();

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

    private async Task<IReadOnlyList<string>> CommandsForAsync(int days)
    {
        var factory = fixture.Factory;
        using var client = factory.CreateClient();
        var url = $"/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-01&days={days}";
        (await client.GetAsync(url)).EnsureSuccessStatusCode(); // warms the settings cache
        factory.Sql.Clear();

        using var response = await client.GetAsync(url);

        response.EnsureSuccessStatusCode();
        return factory.Sql.Commands;
    }

    [Fact]
    public async Task reads_the_visits_and_time_off_of_one_day_one_week_or_eight_weeks_in_one_statement()
    {
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc), Email = "q1@example.com" });
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 4, 14, 10, 0, 0, DateTimeKind.Utc), Email = "q2@example.com" });

        foreach (var days in new[] { 1, 7, 56 })
        {
            var commands = await CommandsForAsync(days);

            // Exactly one command reads availability data, and it reads both tables.
            var availability = Assert.Single(commands, c => c.Contains("\"Appointments\"", StringComparison.Ordinal) || c.Contains("\"TimeOff\"", StringComparison.Ordinal));
            Assert.Contains("\"Appointments\"", availability, StringComparison.Ordinal);
            Assert.Contains("\"TimeOff\"", availability, StringComparison.Ordinal);
            Assert.Contains("UNION ALL", availability, StringComparison.Ordinal);
            Assert.Contains("\"StartUtc\" >=", availability, StringComparison.Ordinal);
            Assert.Contains("\"StartUtc\" <", availability, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task finds_both_visits_eight_weeks_apart_with_that_one_query()
    {
        using var client = fixture.Factory.CreateClient();
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 4, 12, 0, 0, DateTimeKind.Utc), Email = "q3@example.com" });
        await BookingFlow.BookAsync(fixture.Factory, new VisitRequest { StartUtc = new DateTime(2027, 4, 22, 12, 0, 0, DateTimeKind.Utc), Email = "q4@example.com" });

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-01&days=56")).RootElement;
        var starts = json.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startUtc").GetString()).ToList();

        Assert.DoesNotContain("2027-03-04T12:00:00Z", starts);
        Assert.DoesNotContain("2027-04-22T12:00:00Z", starts);
        Assert.Contains("2027-03-04T14:00:00Z", starts);
        Assert.Contains("2027-04-22T14:00:00Z", starts);
    }
}
