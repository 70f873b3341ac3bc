using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>
/// The back office is one app: one menu on every page, reaching every page by links from /admin,
/// with the counts of what waits for Paul read once per page, and no public footer.
/// </summary>
public sealed class TheBackOfficeNavigation : IAsyncLifetime, IDisposable
{
    private readonly SqlRecordingAppFactory factory = new();
    private ArrangedVisit request = null!;

    public async Task InitializeAsync()
    {
        // Something behind every page that needs an id: a request, a client with a past visit and a
        // course plan, an erasure request, a visit that has started (today's agenda offers to finish
        // it) and a finished, paid one (its receipt). Articles and treatments are seeded.
        request = await Visits.RequestNextFreeAsync(factory, "Nora Navigate");
        await Visits.RequestNextFreeAsync(factory, "Olly Other");
        var past = await factory.VisitAsync("walker@client.example", new DateTime(2027, 2, 15, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Wally Walker");
        using var paul = await factory.TherapistAsync(followRedirects: false);
        await factory.VisitAsync("starter@client.example", Visits.March(1, 8), AppointmentStatus.Confirmed, name: "Stella Started");
        var paid = await factory.VisitAsync("payer@client.example", Visits.March(1, 6), AppointmentStatus.Confirmed, name: "Percy Payer");
        using (var finished = await PaymentArrange.FinishAsync(paul, factory, paid.Id))
        {
            Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        }

        var service = await factory.WithDbAsync(db => db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage"));
        var courseUrl = $"/admin/clients/{past.ClientId}/courses/new";
        var course = await FormPost.PostAsync(paul, courseUrl, courseUrl,
            [new("Treatment", $"{service.Id}:60"), new("Sessions", "6"), new("IntervalDays", "7"), new("Goal", "Walk without pain"), new("StartDate", "2027-02-15")]);
        Assert.Equal(HttpStatusCode.Redirect, course.StatusCode);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<ErasureRequest>().Add(new ErasureRequest { ClientId = past.ClientId, Channel = "account", RequestedUtc = factory.Clock.GetUtcNow().UtcDateTime });

        // A paid visit with a credit note (the figures link to it, and it to the receipt) and a gift voucher (its PDF).
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var payment = PaulMassage.Web.Features.Payments.Payment.Record(past.Id, PaulMassage.Web.Features.Payments.PaymentKind.Visit, 70m, PaulMassage.Web.Features.Payments.PaymentMethods.Card, 1000, now);
        db.Payments.Add(payment);
        db.CreditNotes.Add(new PaulMassage.Web.Features.Payments.CreditNote { Number = 1, Payment = payment, AmountGbp = 10m, Reason = "Visit cut short", IssuedUtc = now });
        db.Vouchers.Add(PaulMassage.Web.Features.Payments.Voucher.Issue(
            new(PaulMassage.Web.Features.Payments.VoucherKind.Amount, 50m, null, null, new DateOnly(2027, 12, 31), "Ben Buyer", string.Empty, "Rosa Recipient"), "ABCD-EFGH-JKLM", now));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task every_back_office_page_is_reached_by_following_links_from_admin_and_each_has_the_one_menu_and_no_public_footer()
    {
        var routes = SiteRoutes.Discover(factory)
            .Where(r => r.Access == RouteAccess.Therapist && r.Allows("GET"))
            .ToList();
        Assert.NotEmpty(routes);
        using var paul = await factory.TherapistAsync();

        var reached = new HashSet<SiteRoute>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/admin" };
        var queue = new Queue<(string Url, string From)>([("/admin", "(start)")]);
        var problems = new List<string>();
        while (queue.Count > 0 && seen.Count < 400)
        {
            var (url, from) = queue.Dequeue();
            var response = await paul.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"GET {url} (linked from {from}) answered {(int)response.StatusCode}.");
                continue;
            }

            var path = new Uri(paul.BaseAddress!, url).AbsolutePath;
            reached.UnionWith(routes.Where(r => Matches(r, path)));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.ReadHtmlAsync();
            CheckBackOfficeChrome(page, url, problems);
            foreach (var link in BackOfficeLinks(page, paul.BaseAddress!))
            {
                // One visit per path: the week and day views link to every other week and day.
                if (seen.Add(new Uri(paul.BaseAddress!, link).AbsolutePath))
                {
                    queue.Enqueue((link, url));
                }
            }
        }

        var unreached = routes.Except(reached).Select(r => r.Template).ToList();
        Assert.True(unreached.Count == 0, "Back-office pages no link from /admin leads to: " + string.Join(", ", unreached));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task the_menu_counts_new_requests_and_open_erasure_requests_with_one_query_each_per_page()
    {
        using var paul = await factory.TherapistAsync();
        await paul.GetAsync("/admin/settings"); // views compiled, caches warm
        factory.Sql.Clear();

        var page = await (await paul.GetAsync("/admin")).ReadHtmlAsync();

        var menu = page.QuerySelector("nav[aria-label='Back office']")!;
        Assert.Equal("Requests 2 new", Squash(menu.QuerySelector("#admin-nav-requests")!.TextContent));
        Assert.Matches("^Erasure requests 1 open, due by [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4} \\(\\d+ days left\\)$", Squash(menu.QuerySelector("#admin-nav-erasure")!.TextContent));
        Assert.Equal("E-mail outbox", Squash(menu.QuerySelector("#admin-nav-outbox")!.TextContent));
        Assert.Equal("page", menu.QuerySelector("#admin-nav-requests")!.GetAttribute("aria-current"));
        // The menu and the outbox alert on /admin both want the failed e-mails: counted once.
        Assert.Single(factory.Sql.Commands, c => c.Contains("\"OutboxMessages\"", StringComparison.Ordinal) && c.Contains("COUNT", StringComparison.OrdinalIgnoreCase));
        Assert.Single(factory.Sql.Commands, c => c.Contains("\"ErasureRequests\"", StringComparison.Ordinal) && c.Contains("COUNT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task the_request_page_marks_requests_as_the_current_section()
    {
        using var paul = await factory.TherapistAsync();

        var page = await (await paul.GetAsync($"/admin/requests/{request.Id}")).ReadHtmlAsync();

        var current = page.QuerySelectorAll("nav[aria-label='Back office'] a[aria-current='page']");
        Assert.Equal("admin-nav-requests", Assert.Single(current).Id);
    }

    private static void CheckBackOfficeChrome(IDocument page, string url, List<string> problems)
    {
        var menus = page.QuerySelectorAll("nav[aria-label='Back office']");
        var links = menus.SelectMany(m => m.QuerySelectorAll("a")).Select(a => a.Id).ToList();
        string[] expected = ["admin-nav-requests", "admin-nav-calendar", "admin-nav-today", "admin-nav-clients", "admin-nav-new-booking", "admin-nav-owed", "admin-nav-vouchers", "admin-nav-reports", "admin-nav-reviews", "admin-nav-settings", "admin-nav-outbox", "admin-nav-erasure"];
        if (menus.Length != 1 || !links.SequenceEqual(expected))
        {
            problems.Add($"{url}: expected one back-office menu with every section, found {menus.Length} menu(s) with [{string.Join(", ", links)}].");
        }

        // A form that asks "are you sure?" must say what about: an empty data-confirm opens an empty box.
        foreach (var form in page.QuerySelectorAll("form[data-confirm]").Where(f => string.IsNullOrWhiteSpace(f.GetAttribute("data-confirm"))))
        {
            problems.Add($"{url}: a form posting to {form.GetAttribute("action")} asks for an empty confirmation.");
        }

        // The page's own content may mention booking (an article being edited); the frame around it may not.
        var frame = page.Body!.Children.Where(e => e.LocalName != "main").ToList();
        if (page.QuerySelector("footer, .disclaimer") is not null || frame.Any(e => e.TextContent.Contains("Book a home visit", StringComparison.Ordinal)))
        {
            problems.Add($"{url}: shows the public footer or its \"Book a home visit\".");
        }
    }

    /// <summary>The page's links to back-office paths on this site (GET only: anchors, not forms).</summary>
    private static IEnumerable<string> BackOfficeLinks(IDocument page, Uri site) =>
        page.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => !href.StartsWith('#'))
            .Select(href => new Uri(site, href))
            .Where(uri => uri.Authority == site.Authority && AdminAreaConvention.IsAdminRoute(uri.AbsolutePath))
            .Select(uri => uri.PathAndQuery);

    private static bool Matches(SiteRoute route, string path)
    {
        var pattern = "^" + string.Concat(route.Pattern.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "[0-9]+" : "[^/]+",
            _ => string.Empty,
        })))) + "/?$";
        return Regex.IsMatch(path, pattern, RegexOptions.IgnoreCase);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
