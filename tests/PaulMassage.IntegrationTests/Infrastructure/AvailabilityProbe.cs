using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Reads free start times from the public availability API, as an integrating client would.</summary>
public static class AvailabilityProbe
{
    /// <summary>Every free start, in UTC, spelled out from the API's windows (first start, last start, step).</summary>
    public static async Task<IReadOnlyList<DateTime>> FreeStartsAsync(HttpClient client, DateOnly from, int days = 1, string service = "deep-tissue-massage", int minutes = 60)
    {
        ArgumentNullException.ThrowIfNull(client);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/availability?service={service}&minutes={minutes}&from={from:yyyy-MM-dd}&days={days}");
        return Starts(json).ToList();
    }

    /// <summary>The starts of a version 2 answer: each window from its first to its last start, every step minutes.</summary>
    public static IEnumerable<DateTime> Starts(JsonElement json)
    {
        var step = TimeSpan.FromMinutes(json.GetProperty("step").GetInt32());
        foreach (var day in json.GetProperty("free").EnumerateArray())
        {
            var date = day.GetProperty("date").GetString();
            foreach (var window in day.GetProperty("windows").EnumerateArray())
            {
                var first = DateTimeOffset.Parse($"{date}T{window[0].GetString()}", CultureInfo.InvariantCulture).UtcDateTime;
                var last = DateTimeOffset.Parse($"{date}T{window[1].GetString()}", CultureInfo.InvariantCulture).UtcDateTime;
                for (var start = first; start <= last; start += step)
                {
                    yield return start;
                }
            }
        }
    }
}
