using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Security;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Site;

public sealed class PublicPages(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/services")]
    [InlineData("/services/deep-tissue-massage")]
    [InlineData("/articles")]
    [InlineData("/articles/understanding-back-pain")]
    [InlineData("/sitemap.xml")]
    [InlineData("/articles/feed.xml")]
    public async Task are_served_from_the_output_cache_the_second_time_an_anonymous_visitor_asks(string path)
    {
        using var client = Factory.CreateClient();

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age); // the output cache's mark of a stored response
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/services")]
    [InlineData("/articles/understanding-back-pain")]
    public async Task keep_their_security_headers_and_carry_no_form_token_or_cookie_when_served_from_the_cache(string path)
    {
        using var client = Factory.CreateClient();

        using var first = await client.GetAsync(path);
        using var cached = await client.GetAsync(path);
        var html = await cached.Content.ReadAsStringAsync();

        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(cached.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(cached.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(cached.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(cached.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ignore_the_query_string_so_tracking_parameters_do_not_multiply_the_cache()
    {
        using var client = Factory.CreateClient();

        using var plain = await client.GetAsync("/services");
        using var tagged = await client.GetAsync("/services?utm_source=newsletter");

        Assert.NotNull(tagged.Headers.Age);
    }

    [Fact]
    public async Task are_never_served_from_the_cache_to_the_signed_in_therapist()
    {
        using var anonymous = Factory.CreateClient();
        using var warm = await anonymous.GetAsync("/");
        using var therapist = await Factory.TherapistAsync();

        using var home = await therapist.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();

        Assert.Null(home.Headers.Age);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task link_fingerprinted_stylesheets_served_pre_compressed()
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);

        // (Run from the build output, as here, the files are marked no-cache; published, a
        // fingerprinted file is immutable for a year: scripts/bench.sh checks that.)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task are_not_cached_when_they_fail()
    {
        using var client = Factory.CreateClient();

        using var first = await client.GetAsync("/services/no-such-treatment");
        using var second = await client.GetAsync("/services/no-such-treatment");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task are_stored_compressed_for_browsers_that_accept_brotli_even_over_https()
    {
        using var client = Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var first = await client.GetAsync("/articles");
        using var second = await client.GetAsync("/articles");

        Assert.Equal("br", Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task keep_a_separate_uncompressed_copy_for_clients_that_do_not_accept_compression()
    {
        using var compressed = Factory.CreateClient();
        compressed.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var plain = Factory.CreateClient();

        using var gzip = await compressed.GetAsync("/services");
        using var identity = await plain.GetAsync("/services");

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await identity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class TheBookingForm(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task is_served_from_the_output_cache_at_its_bare_address_to_a_visitor_with_its_script_and_no_token()
    {
        using var client = Factory.CreateClient();

        using var first = await client.GetAsync("/book");
        using var second = await client.GetAsync("/book");
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), html);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/site.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task is_rendered_afresh_when_its_address_carries_a_choice()
    {
        using var client = Factory.CreateClient();

        using var first = await client.GetAsync("/book?service=swedish-massage&postcode=SW1A%201AA");
        using var second = await client.GetAsync("/book?service=swedish-massage&postcode=SW1A%201AA");
        var html = await second.Content.ReadAsStringAsync();

        Assert.Null(second.Headers.Age);
        Assert.Contains("value=\"SW1A 1AA\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task is_never_served_from_the_cache_to_a_signed_in_client()
    {
        using var visitor = Factory.CreateClient();
        using var warm = await visitor.GetAsync("/book");
        await Factory.ClientAccountAsync("book-cache@example.com");
        using var client = await Factory.SignedInAsync("book-cache@example.com");

        using var page = await client.GetAsync("/book");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Null(page.Headers.Age);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account\"", html, StringComparison.Ordinal);
    }
}

public sealed class TheAvailabilityApi(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    [Fact]
    public async Task is_compressed_for_clients_that_accept_it()
    {
        using var client = fixture.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.GetAsync("/api/availability?service=deep-tissue-massage&minutes=60&days=56");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Null(response.Headers.Age); // computed afresh each time, never output-cached
    }
}

public sealed class PublicContentEdits : IDisposable
{
    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task show_an_edit_once_the_change_is_announced_and_not_before()
    {
        using var client = _factory.CreateClient();
        Assert.Contains("Deep tissue massage", await client.GetStringAsync("/services"), StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage", await client.GetStringAsync("/book"), StringComparison.Ordinal);
        await RenameAsync("deep-tissue-massage", "Deep tissue therapy");

        var stale = await client.GetStringAsync("/services");
        await using (var scope = _factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicContentChanged>().NotifyAsync("a test edit");
        }

        Assert.DoesNotContain("Deep tissue therapy", stale, StringComparison.Ordinal);
        Assert.Contains("Deep tissue therapy", await client.GetStringAsync("/services"), StringComparison.Ordinal);
        Assert.Contains("Deep tissue therapy", await client.GetStringAsync("/services/deep-tissue-massage"), StringComparison.Ordinal);
        Assert.Contains("Deep tissue therapy", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Deep tissue therapy", await client.GetStringAsync("/book"), StringComparison.Ordinal); // the in-memory list went too
    }

    [Fact]
    public async Task show_a_price_the_therapist_changes_in_the_back_office_at_once_although_the_page_was_cached()
    {
        using var visitor = _factory.CreateClient();
        var before = Text(await visitor.GetStringAsync("/services/swedish-massage"));
        Assert.Contains("£60", before, StringComparison.Ordinal);
        Assert.DoesNotContain("£64", before, StringComparison.Ordinal);
        using var cached = await visitor.GetAsync("/services/swedish-massage");
        Assert.NotNull(cached.Headers.Age);
        var id = await _factory.WithDbAsync(db => db.Services.Where(s => s.Slug == "swedish-massage").Select(s => s.Id).SingleAsync());

        using var paul = await _factory.TherapistAsync(followRedirects: false);
        using var saved = await FormPost.PostAsync(paul, $"/admin/settings/services/{id}", $"/admin/settings/services/{id}",
        [
            new("Name", "Swedish massage"), new("Summary", "A calm, flowing massage."), new("Suits", "Anyone who wants to unwind."),
            new("DescriptionMarkdown", "Long, gliding strokes."), new("SortOrder", "1"), new("IsActive", "true"),
            new("Options[0].Minutes", "60"), new("Options[0].Price", "64"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var fresh = await visitor.GetAsync("/services/swedish-massage");
        var page = Text(await fresh.Content.ReadAsStringAsync());
        Assert.Null(fresh.Headers.Age); // rendered afresh after the eviction
        Assert.Contains("£64", page, StringComparison.Ordinal);
        Assert.Contains("£64", Text(await visitor.GetStringAsync("/services")), StringComparison.Ordinal);
    }

    private async Task RenameAsync(string slug, string name)
    {
        await using var scope = _factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PaulMassage.Web.Infrastructure.Data.AppDbContext>();
        var service = await db.Services.SingleAsync(s => s.Slug == slug);
        service.Name = name;
        await db.SaveChangesAsync();
    }
}
