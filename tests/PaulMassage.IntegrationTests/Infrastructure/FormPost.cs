using System.Net;
using System.Text.RegularExpressions;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Posts a form the way a browser does: fetch the page, take its antiforgery token and cookie, post.</summary>
public static partial class FormPost
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(pageUrl);
        var match = TokenInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(actionUrl, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
