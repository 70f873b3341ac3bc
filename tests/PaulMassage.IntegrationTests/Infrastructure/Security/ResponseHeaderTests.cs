using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>Security headers on every answer, no-store on every private page, and pages that keep to the CSP.</summary>
public sealed partial class TheResponseHeaders(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/services/deep-tissue-massage")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/account/sign-in")]
    public async Task include_the_content_security_policy_and_the_anti_framing_and_sniffing_headers(string path)
    {
        using var client = fixture.Factory.Browser();
        using var response = await client.GetAsync(path);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task send_a_strict_referrer_policy_and_let_public_pages_be_cached()
    {
        using var client = fixture.Factory.Browser();
        using var response = await client.GetAsync("/services");
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.DoesNotContain("no-store", Header(response, "Cache-Control") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task forbid_caching_and_referrers_on_every_page_with_personal_or_health_data()
    {
        using var anonymous = fixture.Factory.Browser();
        using var therapist = await fixture.Factory.TherapistAsync(followRedirects: false);
        var starts = await fixture.Factory.FreeStartsAsync(1);
        var pages = new (HttpClient Client, string Path)[]
        {
            (anonymous, $"/bookings/{fixture.BookingA.Token}"),
            (anonymous, $"/bookings/{fixture.BookingA.Token}/my-data"),
            (anonymous, SecurityScenario.DetailsPage(starts[0])),
            (anonymous, "/account/sign-in"),
            (therapist, "/admin"),
            (therapist, "/admin/erasure-requests"),
            (therapist, "/account/security"),
            (therapist, "/account/privacy"),
        };
        foreach (var (client, path) in pages)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task forbid_caching_of_the_booking_form_when_it_comes_back_with_errors()
    {
        using var client = fixture.Factory.Browser();
        var starts = await fixture.Factory.FreeStartsAsync(1);
        var fields = SecurityScenario.ValidBookingFields(starts[0], "Cara Client", "cara@test.example");
        fields["Intake.MainComplaint"] = string.Empty;
        using var response = await SecurityScenario.PostBookingAsync(client, starts[0], fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ask_browsers_for_https_for_a_year_outside_development()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://www.paulmassage.example") });
        using var response = await client.GetAsync("/");
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task serve_pages_without_inline_script_inline_style_or_event_handlers()
    {
        using var anonymous = fixture.Factory.Browser();
        using var therapist = await fixture.Factory.TherapistAsync(followRedirects: false);
        var failures = new List<string>();
        foreach (var client in new[] { anonymous, therapist })
        {
            foreach (var route in fixture.Routes.Where(r => r.Allows("GET")))
            {
                var path = route.Fill(fixture.RouteValues);
                using var response = await client.GetAsync(path);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                failures.AddRange(InlineScript().Matches(html).Select(m => $"{path}: inline script {m.Value}"));
                failures.AddRange(StyleAttributeOrHandler().Matches(html).Select(m => $"{path}: {m.Value}"));
                failures.AddRange(StyleElement().Matches(html).Select(m => $"{path}: {m.Value}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>A script element without src that is not a JSON-LD data block.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/ld(\\+|&#x2B;)json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\s(style|on[a-z]+)\\s*=\\s*[\"'][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttributeOrHandler();

    [GeneratedRegex("<style[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
