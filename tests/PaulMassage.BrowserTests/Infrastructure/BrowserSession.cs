using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>
/// One visitor's browser tab at one viewport. It records every console error, uncaught page error
/// and request to a host other than loopback (which it blocks), and fails the test on any of them.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentDictionary<string, int> expectedErrorStatus = new(StringComparer.Ordinal);

    private BrowserSession(IBrowserContext context, IPage page, Viewport viewport, Uri baseAddress)
    {
        this.context = context;
        Page = page;
        Viewport = viewport;
        BaseAddress = baseAddress;
    }

    public IPage Page { get; }

    public Viewport Viewport { get; }

    public Uri BaseAddress { get; }

    public bool IsPhone => Viewport == Viewport.Phone;

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress, Viewport viewport)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(ViewportOptions.For(viewport, baseAddress));
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(60_000); // the first page of a cold site compiles its views
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, viewport, baseAddress);
        await context.RouteAsync("**/*", session.GuardNetworkAsync);

        // Registered last, so asked first: axe-core for the audits, from this repository.
        await context.RouteAsync(new Uri(baseAddress, Axe.ScriptPath).AbsoluteUri, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript; charset=utf-8",
            BodyBytes = Axe.Source.Value,
        }));
        page.Console += (_, message) => session.OnConsole(message);
        page.PageError += (_, error) => session.problems.Enqueue("Page error: " + error);
        page.Response += (_, response) => session.OnResponse(response);
        return session;
    }

    /// <summary>Opens a path of the site and checks the status (200 unless told otherwise).</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        if (expectedStatus >= 400)
        {
            ExpectErrorStatus(path, expectedStatus);
        }

        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"GET {path} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    /// <summary>The browser logs "Failed to load resource" for a page that answers an error on purpose (a 404 page): allow that one.</summary>
    public void ExpectErrorStatus(string path, int status) => expectedErrorStatus[new Uri(BaseAddress, path).AbsoluteUri] = status;

    /// <summary>Taps on the phone, clicks on the desktop: as a person would.</summary>
    public Task ActivateAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsPhone ? target.TapAsync() : target.ClickAsync();
    }

    /// <summary>Saves the page as a person sees it: the whole page on a phone, the first screen on a desktop.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-{Viewport.Name()}.png"),
            FullPage = IsPhone,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    /// <summary>
    /// Keeps a document the site gave (a PDF, which a browser cannot screenshot) beside the
    /// screenshots, as "{name}-{viewport}.pdf"; scripts/update-screenshots.sh renders the receipt's page for the README.
    /// </summary>
    public async Task SaveDocumentAsync(string name, byte[] document)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Screenshots, $"{name}-{Viewport.Name()}.pdf"), document);
    }

    /// <summary>
    /// Checks the page as it is now with axe-core and saves a screenshot of it. Serious or critical
    /// violations fail the test at its end, listed with every other page's, so one run shows them all.
    /// </summary>
    public async Task AuditAsync(string pageName)
    {
        var violations = await Axe.RunAsync(Page, BaseAddress);
        Axe.Report($"{pageName} ({Viewport.Name()})", violations);
        var blocking = violations.Where(v => v.IsSeriousOrWorse).ToList();
        if (blocking.Count > 0)
        {
            problems.Enqueue(Axe.Describe($"{pageName} ({Viewport.Name()}, {Page.Url})", blocking));
        }

        await ScreenshotAsync(pageName);
    }

    public async Task AssertNoProblemsAsync()
    {
        // A round trip to the page, so every console message sent before it has been delivered.
        await Page.EvaluateAsync("() => document.readyState");
        Assert.True(problems.IsEmpty, $"The browser reported problems ({Viewport.Name()}):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Keeps a picture of what the browser showed when the test failed.</summary>
    public async Task SaveFailureScreenshotAsync(string test)
    {
        try
        {
            Directory.CreateDirectory(RepositoryPaths.Failures);
            await Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(RepositoryPaths.Failures, $"{test}-{Viewport.Name()}.png"),
                FullPage = true,
            });
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the test's own failure is what matters.
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private async Task GuardNetworkAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.IsLoopback || url.Scheme is "data" or "blob")
        {
            await route.ContinueAsync();
            return;
        }

        problems.Enqueue($"Blocked a request to a host that is not this machine: {route.Request.Method} {route.Request.Url}");
        await route.AbortAsync("blockedbyclient");
    }

    /// <summary>A server error is never right; a missing file or page only where the test asked for one.</summary>
    private void OnResponse(IResponse response)
    {
        var expected = expectedErrorStatus.TryGetValue(response.Url, out var status) && status == response.Status;
        if (response.Status >= 500 || (response.Status >= 400 && !expected))
        {
            problems.Enqueue($"The site answered {response.Status} to {response.Request.Method} {response.Url}");
        }
    }

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Type != "error")
        {
            return;
        }

        if (message.Text.StartsWith("Failed to load resource: the server responded with a status of ", StringComparison.Ordinal)
            && expectedErrorStatus.TryGetValue(LineAndColumn().Replace(message.Location, string.Empty), out var status)
            && message.Text.Contains($"status of {status} ", StringComparison.Ordinal))
        {
            return;
        }

        problems.Enqueue($"Console error at {message.Location}: {message.Text}");
    }

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();
}
