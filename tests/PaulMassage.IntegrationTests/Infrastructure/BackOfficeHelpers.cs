using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>A visit requested through the real booking service: its id, reference and the client's manage token.</summary>
public sealed record RequestedVisit(int Id, string Reference, string Token)
{
    public string ManageUrl => "/bookings/" + Token;
}

/// <summary>Signed-in browsers for the back-office tests: the therapist, or a client with an account.</summary>
public static partial class Sessions
{
    public static HttpClient Anonymous(PracticeAppFactory factory, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
    }

    /// <summary>
    /// The tests' one way to sign in as the therapist: his authenticator app is set up (two-factor
    /// sign-in is required outside Development), then he signs in with his password and a code, as
    /// in production. Returns his browser; <paramref name="followRedirects"/> as for <see cref="Anonymous"/>.
    /// </summary>
    public static async Task<HttpClient> TherapistAsync(this PracticeAppFactory factory, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = await TherapistAuthenticatorKeyAsync(factory);
        var client = Anonymous(factory, followRedirects);
        using var password = await FormPost.PostAsync(client, "/account/sign-in", "/account/sign-in",
            [new("Email", PracticeAppFactory.TherapistEmail), new("Password", PracticeAppFactory.TherapistPassword)]);
        var codePage = followRedirects ? password.RequestMessage!.RequestUri!.PathAndQuery : password.Headers.Location?.OriginalString;
        Assert.True(codePage?.StartsWith("/account/sign-in/2fa", StringComparison.Ordinal) == true,
            $"The therapist's password was not accepted: {(int)password.StatusCode} {codePage}");
        using var code = await FormPost.PostAsync(client, codePage!, "/account/sign-in/2fa", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var landed = followRedirects ? code.RequestMessage!.RequestUri!.AbsolutePath : code.Headers.Location?.OriginalString;
        Assert.True(landed == "/admin", $"The therapist's authenticator code was not accepted: {(int)code.StatusCode} {landed}");
        return client;
    }

    /// <summary>
    /// The therapist's authenticator key, set up (as he would at /account/security) the first time
    /// it is asked for. Identity keeps it encrypted in the database; the tests compute codes from it.
    /// </summary>
    public static async Task<string> TherapistAuthenticatorKeyAsync(PracticeAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var therapist = await users.FindByEmailAsync(PracticeAppFactory.TherapistEmail) ?? throw new InvalidOperationException("No seeded therapist.");
        if (!await users.GetTwoFactorEnabledAsync(therapist))
        {
            await users.ResetAuthenticatorKeyAsync(therapist);
            await users.SetTwoFactorEnabledAsync(therapist, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(therapist, 10);
        }

        return await users.GetAuthenticatorKeyAsync(therapist) ?? throw new InvalidOperationException("The therapist has no authenticator key.");
    }

    /// <summary>A signed-in user who is not the therapist (a client who registered).</summary>
    public static async Task<HttpClient> ClientUserAsync(PracticeAppFactory factory, string email, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        const string password = "client-test-passphrase";
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
                var created = await users.CreateAsync(user, password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, Roles.Client);
            }
        }

        return await SignInAsync(factory, email, password, followRedirects);
    }

    private static async Task<HttpClient> SignInAsync(PracticeAppFactory factory, string email, string password, bool followRedirects)
    {
        var client = Anonymous(factory, followRedirects);
        var response = await FormPost.PostAsync(client, "/account/sign-in", "/account/sign-in",
            [new("Email", email), new("Password", password)]);
        var signedIn = followRedirects
            ? response.RequestMessage!.RequestUri!.AbsolutePath != "/account/sign-in"
            : response.StatusCode == HttpStatusCode.Redirect;
        Assert.True(signedIn, $"Signing in as {email} failed.");
        return client;
    }

    /// <summary>Posts a back-office form: token from <paramref name="pageUrl"/>, then the post.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string actionUrl, params (string Name, string Value)[] fields) =>
        FormPost.PostAsync(client, pageUrl, actionUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The text of the message the back office shows after a change.</summary>
    public static string? AdminMessage(string html)
    {
        var match = AdminMessageDiv().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("id=\"admin-message\">([^<]*)<")]
    private static partial Regex AdminMessageDiv();
}

/// <summary>Visits arranged through the real services and read back from the real database.</summary>
public static class Visits
{
    /// <summary>A UTC instant in March 2027 (before the clocks change, so UK time equals UTC).</summary>
    public static DateTime March(int day, int hour, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Requests the earliest free hour from Tuesday 2 March, whatever earlier tests in the class booked.</summary>
    public static async Task<RequestedVisit> RequestNextFreeAsync(PracticeAppFactory factory, string name = "Ann Example", string? email = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        DateTime start;
        await using (var scope = factory.Scope())
        {
            var slots = await scope.ServiceProvider.GetRequiredService<AvailabilityService>().FreeSlotsAsync(60, new DateOnly(2027, 3, 2), 28);
            start = slots[0].StartUtc;
        }

        return await RequestAsync(factory, start, name, email);
    }

    public static async Task<RequestedVisit> RequestAsync(
        PracticeAppFactory factory,
        DateTime startUtc,
        string name = "Ann Example",
        string? email = null,
        Contraindication contraindications = Contraindication.None,
        int minutes = 60,
        string service = "deep-tissue-massage")
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        Assert.True(UkPostcode.TryParse("SE1 7PB", out var postcode));
        var outcome = await booking.RequestVisitAsync(new BookingRequest(
            service, minutes, startUtc, postcode!, name, email ?? $"{Guid.NewGuid():N}@client.example", "07700 900456",
            "1 Test Street", "Flat 2", "London", "Ring the top bell",
            new IntakeDetails("Aching lower back after long days at the desk", BodyArea.LowerBack | BodyArea.Hips, 6,
                PainDuration.SixToTwelveWeeks, PainFeeling.MuscleAcheOrTension, contraindications, "Mild asthma", RedFlag.None),
            new Booker.Anonymous()));
        var accepted = Assert.IsType<BookingOutcome.Accepted>(outcome);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Appointments.Where(a => a.Reference == accepted.Reference).Select(a => a.Id).SingleAsync();
        return new RequestedVisit(id, accepted.Reference, accepted.ManageToken);
    }

    public static Task<Appointment> LoadAsync(PracticeAppFactory factory, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(db => db.Appointments.AsNoTracking()
            .Include(a => a.History).Include(a => a.SlotClaims).Include(a => a.Client)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id));
    }

    /// <summary>The version the back office's forms carry for a visit, read as the page would.</summary>
    public static async Task<string> VersionAsync(PracticeAppFactory factory, int id) =>
        (await LoadAsync(factory, id)).Version.ToString();
}
