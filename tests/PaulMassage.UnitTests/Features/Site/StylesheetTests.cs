using System.Text.RegularExpressions;

namespace PaulMassage.UnitTests.Features.Site;

/// <summary>
/// The one stylesheet every page links to, wwwroot/css/bundle.css: the Bootstrap subset compiled by
/// tools/css/build.sh followed by wwwroot/css/site.css, put together by tools/css/bundle.sh.
/// </summary>
public sealed partial class TheStylesheet
{
    private static string Wwwroot => Path.Combine(RepositoryPaths.Web, "wwwroot");

    private static string Read(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");

    [Fact]
    public void is_the_bootstrap_subset_followed_by_site_css_as_bundle_sh_makes_it()
    {
        var expected = Read(Path.Combine(Wwwroot, "lib", "bootstrap", "css", "bootstrap-subset.css"))
            + "\n/* The site's own rules: wwwroot/css/site.css, appended by tools/css/bundle.sh. */\n"
            + Read(Path.Combine(Wwwroot, "css", "site.css"));

        var bundle = Read(Path.Combine(Wwwroot, "css", "bundle.css"));

        Assert.True(expected == bundle, "wwwroot/css/bundle.css is out of date: run tools/css/bundle.sh and commit it.");
    }

    [Fact]
    public void has_every_Bootstrap_class_the_views_and_code_name()
    {
        var bootstrapClasses = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tools", "css", "bootstrap-classes.txt")).ToHashSet(StringComparer.Ordinal);
        var bundle = Read(Path.Combine(Wwwroot, "css", "bundle.css"));
        var defined = SelectorClass().Matches(bundle).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "Features", "Infrastructure" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Web, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || (f.EndsWith(".cs", StringComparison.Ordinal) && !f.Contains("Migrations", StringComparison.Ordinal))))
        {
            foreach (Match place in ClassPlace().Matches(File.ReadAllText(file)))
            {
                foreach (Match word in Word().Matches(place.Value))
                {
                    if (bootstrapClasses.Contains(word.Value) && !defined.Contains(word.Value))
                    {
                        missing.Add($"{word.Value} ({Path.GetFileName(file)})");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0,
            "Bootstrap classes used but left out of the subset; add them to tools/css/bootstrap-subset.scss and run tools/css/build.sh: "
            + string.Join(", ", missing));
    }

    /// <summary>A class attribute, or a string literal that could be a list of classes ("bg-warning text-dark").</summary>
    [GeneratedRegex("""class="[^"]*"|"[a-z][a-z0-9 -]*"|\) [a-z][a-z0-9-]*"(?=[ >])""")]
    private static partial Regex ClassPlace();

    [GeneratedRegex("[a-z][a-z0-9]*(?:-[a-z0-9]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\.([a-zA-Z][a-zA-Z0-9_-]*)")]
    private static partial Regex SelectorClass();
}
