using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// Steps 1 and 2 reach a visitor's phone compressed (issue 17: a page within 35 KiB; a full day of
/// free times is most of it), but never beside a secret: signed in, the menu's sign-out form has a
/// token, and the steps repeat what the address bar says (BREACH).
/// </summary>
public sealed class CompressedBookingStepsTests : IDisposable
{
    private const string ChoiceQuery = "?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/book", "br")] // the bare step 1 is kept in the output cache, so compressed once with Brotli
    [InlineData("/book" + ChoiceQuery, "gzip")]
    [InlineData("/book/slots" + ChoiceQuery, "gzip")]
    public async Task are_compressed_for_a_visitor_and_not_for_a_signed_in_client(string step, string encoding)
    {
        using var visitor = _factory.Browser();
        visitor.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        using var plain = await visitor.GetAsync(step);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(encoding, Assert.Single(plain.Content.Headers.ContentEncoding));

        await _factory.ClientAccountAsync("carl.compress@test.example");
        using var client = await _factory.SignedInAsync("carl.compress@test.example");
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        using var signedIn = await client.GetAsync(step);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("__RequestVerificationToken", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(signedIn.Content.Headers.ContentEncoding);
    }
}
