using Xunit.Sdk;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>The checks every journey relies on can fail: a harness that never complains proves nothing.</summary>
[Collection(DesktopCollection.Name)]
public sealed class TheHarness(BrowserFixture browser)
{
    [Fact]
    public async Task fails_a_journey_when_the_page_logs_a_console_error()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => browser.RunAsync(Viewport.Desktop, async session =>
        {
            await session.GotoAsync("/account/sign-in");
            await session.Page.EvaluateAsync("() => console.error('a deliberate console error')");
        }, failureIsExpected: true));
        Assert.Contains("a deliberate console error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task fails_a_journey_when_a_script_throws()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => browser.RunAsync(Viewport.Desktop, async session =>
        {
            await session.GotoAsync("/account/sign-in");
            await session.Page.EvaluateAsync("""
                () => new Promise(done => {
                    window.addEventListener('error', () => setTimeout(done));
                    setTimeout(() => { throw new Error('a deliberate script error'); });
                })
                """);
        }, failureIsExpected: true));
        Assert.Contains("a deliberate script error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task fails_a_journey_when_the_site_answers_a_server_error()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => browser.RunAsync(Viewport.Desktop, async session =>
        {
            await session.GotoAsync("/error", expectedStatus: 500);
        }, failureIsExpected: true));
        Assert.Contains("The site answered 500 to GET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task blocks_and_reports_a_request_to_a_host_other_than_loopback()
    {
        var outcome = string.Empty;
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => browser.RunAsync(Viewport.Desktop, async session =>
        {
            // From a blank page: on the site's own pages its Content-Security-Policy would refuse the fetch first.
            outcome = await session.Page.EvaluateAsync<string>("() => fetch('http://blocked.invalid/tracker.js').then(() => 'loaded', () => 'refused')");
        }, failureIsExpected: true));
        Assert.Equal("refused", outcome);
        Assert.Contains("Blocked a request to a host that is not this machine: GET http://blocked.invalid/tracker.js", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task finds_a_form_field_without_a_label_with_axe()
    {
        await browser.RunAsync(Viewport.Desktop, async session =>
        {
            await session.Page.SetContentAsync("""
                <!DOCTYPE html><html lang="en-GB"><head><title>Unlabelled</title></head>
                <body><main><h1>A form</h1><input type="text" name="postcode"></main></body></html>
                """);
            var violations = await Axe.RunAsync(session.Page, session.BaseAddress);
            var label = Assert.Single(violations, v => v.Id == "label");
            Assert.True(label.IsSeriousOrWorse, $"A missing label is {label.Impact}.");
            Assert.Contains(label.Nodes, n => n.Target.Contains("postcode", StringComparison.Ordinal) || n.Target == "input");
        });
    }
}
