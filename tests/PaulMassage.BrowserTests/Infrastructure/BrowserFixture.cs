using Microsoft.Playwright;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>
/// A site and a Chromium shared by the tests of one collection (they run one after another);
/// each test gets a fresh browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; never a browser downloaded by Playwright.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>
    /// Sites start one at a time: Program sets Serilog's static bootstrap logger, and two hosts
    /// building at once would both try to freeze the same one ("The logger is already frozen").
    /// </summary>
    private static readonly SemaphoreSlim StartOneAtATime = new(1, 1);

    private IPlaywright? playwright;

    public SiteServer Site { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await StartOneAtATime.WaitAsync();
        try
        {
            Site.Start();
        }
        finally
        {
            StartOneAtATime.Release();
        }

        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not installed at {executable}: run scripts/test.sh, which installs it with apt-get.");
        }

        // A ceiling for auto-waiting assertions, not a delay: they pass as soon as the page is right.
        // Generous because this 2-core machine is often busy with other builds.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// Runs one journey in a fresh context at the given viewport. The journey fails if the page logs
    /// a console error, throws, or asks for anything not on this machine's loopback.
    /// </summary>
    public async Task RunAsync(Viewport viewport, Func<BrowserSession, Task> journey, [System.Runtime.CompilerServices.CallerMemberName] string test = "", bool failureIsExpected = false)
    {
        ArgumentNullException.ThrowIfNull(journey);
        await using var session = await BrowserSession.OpenAsync(Browser, Site.BaseAddress, viewport);
        try
        {
            await journey(session);
            await session.AssertNoProblemsAsync();
        }
        catch when (!failureIsExpected)
        {
            await session.SaveFailureScreenshotAsync(test);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary>
/// The phone tests and the desktop tests run side by side (one per core), each collection with a
/// site and a Chromium of its own, so neither sees the other's bookings. Tests in a collection run in turn.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PhoneCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser on a phone";
}

[CollectionDefinition(Name)]
public sealed class DesktopCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser on a desktop";
}
