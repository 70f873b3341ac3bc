using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PaulMassage.BrowserTests.Infrastructure;

public sealed record AxeNode(string Target, string? Summary);

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSeriousOrWorse => Impact is "serious" or "critical";
}

/// <summary>
/// axe-core, vendored into this test project by scripts/vendor-axe.sh (never fetched from a CDN).
/// The test serves it to the page under test at <see cref="ScriptPath"/> on the site's own origin
/// (a route the browser session answers from the file), so the site's Content-Security-Policy
/// (script-src 'self') lets it run without the policy being switched off.
/// </summary>
public static class Axe
{
    /// <summary>The path the browser session answers with axe-core; the site itself has no such page.</summary>
    public const string ScriptPath = "/__browser-tests/axe.min.js";

    public static Lazy<byte[]> Source { get; } = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    private const string RunScript = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
            })));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Loads axe-core into the page (once) from <paramref name="site"/> and runs it on the whole document.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, Uri site)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = new Uri(site, ScriptPath).AbsoluteUri });
            if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                throw new InvalidOperationException($"axe-core did not load into {page.Url}.");
            }
        }

        var json = await page.EvaluateAsync<string>(RunScript);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
    }

    /// <summary>Every violation of any impact, page by page, for reading after a run (TestResults/accessibility-report.txt).</summary>
    public static string ReportPath => Path.Combine(RepositoryPaths.TestProject, "TestResults", "accessibility-report.txt");

    private static readonly Lock ReportLock = new();
    private static bool reportStarted;

    public static void Report(string where, IReadOnlyList<AxeViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = violations.Count == 0 ? $"{where}: no violations" : Describe(where, violations);
        lock (ReportLock)
        {
            if (!reportStarted)
            {
                // One report per test run, started by the first page audited.
                Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
                File.WriteAllText(ReportPath, $"{File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "VERSION")).Trim()}: every violation, any impact{Environment.NewLine}");
                reportStarted = true;
            }

            File.AppendAllText(ReportPath, text + Environment.NewLine);
        }
    }

    public static string Describe(string where, IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder($"Accessibility violations on {where}:");
        foreach (var v in violations)
        {
            text.AppendLine().Append($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(10))
            {
                text.AppendLine().Append($"    at {node.Target}");
                if (node.Summary is not null)
                {
                    text.Append(": ").Append(node.Summary.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}
