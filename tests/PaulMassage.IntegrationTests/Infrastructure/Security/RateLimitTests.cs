using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>A site whose rate limit is three POSTs per path and client in ten minutes.</summary>
public sealed class LowRateLimitFixture : IDisposable
{
    public LowRateLimitFixture()
    {
        Factory.Settings["Security:RateLimit:PermitLimit"] = "3";
        Factory.Settings["Security:RateLimit:Window"] = "00:10:00";
    }

    public PracticeAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>Brute force and floods are slowed: every POST that sends an e-mail or checks a secret answers 429 after the limit.</summary>
public sealed class TheRateLimits(LowRateLimitFixture fixture) : IClassFixture<LowRateLimitFixture>
{
    /// <summary>Public and account POSTs that neither send an e-mail nor check a secret, so need no limit.</summary>
    private static readonly string[] Harmless =
    [
        "/account/sign-out",
        "/account/security/two-factor/setup", // makes a new key for the signed-in account; checks nothing
    ];

    [Fact]
    public void cover_every_post_that_sends_mail_or_checks_a_secret()
    {
        var limited = fixture.Factory.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit.Paths;
        var posts = SiteRoutes.Discover(fixture.Factory)
            .Where(r => r.Methods.Contains("POST") && r.Access != RouteAccess.Therapist)
            .Select(r => r.Fill(new Dictionary<string, string>()))
            .Where(path => !Harmless.Contains(path))
            .ToList();

        Assert.NotEmpty(posts);
        Assert.All(posts, path => Assert.True(RateLimitPaths.Pattern(limited, new PathString(path)) is not null,
            $"POST {path} is not rate limited: add it to Security:RateLimit:Paths (RateLimitOptions), or to Harmless here if it neither sends an e-mail nor checks a secret."));
    }

    [Fact]
    public async Task send_at_most_the_limit_of_confirmation_e_mails_to_one_address()
    {
        const string email = "flooded@test.example";
        await using (var scope = fixture.Factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email }, "a perfectly long password")).Succeeded);
        }

        using var client = fixture.Factory.Browser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await FormPost.PostAsync(client, "/account/resend-confirmation", "/account/resend-confirmation", [new("Email", email)]);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(3, (await MailPickup.ToAsync(fixture.Factory, email)).Count);
    }

    [Fact]
    public async Task answer_429_with_a_friendly_page_after_too_many_sign_in_attempts()
    {
        using var client = fixture.Factory.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.SignInAsync("nobody@test.example", "wrong password number " + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await client.SignInAsync(PracticeAppFactory.TherapistEmail, PracticeAppFactory.TherapistPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero || refused.Headers.Contains("Retry-After"));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Please wait a few minutes", page, StringComparison.Ordinal);
        Assert.Contains("no-store", refused.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // Reading pages is never limited.
        using var read = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task answer_429_after_too_many_booking_requests_and_store_nothing_from_the_refused_one()
    {
        using var client = fixture.Factory.Browser();
        var starts = await fixture.Factory.FreeStartsAsync(4);
        for (var i = 0; i < 3; i++)
        {
            var invalid = SecurityScenario.ValidBookingFields(starts[i], "Flo Od", $"flood{i}@test.example");
            invalid["ConsentToHealthData"] = "false";
            using var attempt = await SecurityScenario.PostBookingAsync(client, starts[i], invalid);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await SecurityScenario.PostBookingAsync(client, starts[3], SecurityScenario.ValidBookingFields(starts[3], "Flo Od", "flood@test.example"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Clients.CountAsync(c => c.Name == "Flo Od")));
    }

    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/reset-password")]
    [InlineData("/account/sign-in/2fa")]
    [InlineData("/bookings/not-a-real-token/cancel")]
    public async Task also_limit_registration_password_reset_the_second_sign_in_step_and_manage_links(string path)
    {
        using var client = fixture.Factory.Browser();
        var token = await FormPost.AntiforgeryTokenAsync(client, "/account/sign-in");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", $"someone{i}@test.example")]);
            using var response = await client.PostAsync(path, content);
            answers.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3]);
    }
}
