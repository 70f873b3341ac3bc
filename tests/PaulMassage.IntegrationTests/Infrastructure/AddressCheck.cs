using System.Net;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// The owner of an e-mail address answering the "did you ask for this visit?" links in the request
/// e-mail of a booking made without signing in, as they would: open the e-mail, open the link, press the button.
/// </summary>
public static class AddressCheck
{
    /// <summary>The path of the "it was me" (or "not me") link in the request e-mail of the booking.</summary>
    public static async Task<string> LinkAsync(PracticeAppFactory factory, string email, string reference, bool notMe = false)
    {
        var message = (await MailPickup.ToAsync(factory, email)).Last(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
        var itWasMe = MailPickup.LinkIn(message, "/address-check/");
        return notMe ? itWasMe + "/not-me" : itWasMe;
    }

    /// <summary>Answers the check; returns the page shown after the button.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this PracticeAppFactory factory, string email, string reference, bool itWasMe = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var path = await LinkAsync(factory, email, reference, notMe: !itWasMe);
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        return await FormPost.PostAsync(browser, path, path, []);
    }

    /// <summary>The address's owner says the booking is theirs, proving the address.</summary>
    public static async Task ProveAddressAsync(this PracticeAppFactory factory, string email, string reference)
    {
        using var answered = await factory.AnswerAsync(email, reference);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
