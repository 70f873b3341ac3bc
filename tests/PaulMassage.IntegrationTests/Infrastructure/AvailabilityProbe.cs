using System.Net.Http.Json;
using System.Text.Json;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Reads free start times from the public availability API, as the booking page's script would.</summary>
public static class AvailabilityProbe
{
    public static async Task<IReadOnlyList<DateTime>> FreeStartsAsync(HttpClient client, DateOnly from, int days = 1, string service = "deep-tissue-massage", int minutes = 60)
    {
        ArgumentNullException.ThrowIfNull(client);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/availability?service={service}&minutes={minutes}&from={from:yyyy-MM-dd}&days={days}");
        return json.GetProperty("slots").EnumerateArray()
            .Select(s => s.GetProperty("startUtc").GetDateTime().ToUniversalTime())
            .ToList();
    }
}
