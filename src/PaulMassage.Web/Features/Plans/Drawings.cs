using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Html;

namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// The site's own line drawings (wwwroot/img/drawings, the ones the articles use), for a self-help
/// item to show inline: printed with the plan, and with ids made unique so that several on one page
/// keep their accessible names apart. Only these files can be chosen, so the markup is the site's own.
/// </summary>
public sealed class Drawings(IWebHostEnvironment environment)
{
    public const string Folder = "img/drawings";

    private readonly ConcurrentDictionary<string, string?> cache = new(StringComparer.Ordinal);

    // The folder is read once: the drawings are deployed files, the same until the next release.
    private readonly Lazy<(IReadOnlyList<string> Sorted, FrozenSet<string> Set)> names = new(() =>
    {
        var sorted = environment.WebRootFileProvider.GetDirectoryContents(Folder)
            .Where(f => !f.IsDirectory && f.Name.EndsWith(".svg", StringComparison.Ordinal))
            .Select(f => f.Name[..^4])
            .Order(StringComparer.Ordinal)
            .ToList();
        return (sorted, sorted.ToFrozenSet(StringComparer.Ordinal));
    });

    /// <summary>The drawings there are, by name (the file name without ".svg").</summary>
    public IReadOnlyList<string> Names() => names.Value.Sorted;

    public bool Exists(string? name) => name is not null && names.Value.Set.Contains(name);

    /// <summary>A person-readable name: "tennis-ball-against-a-wall" is "Tennis ball against a wall".</summary>
    public static string Label(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The drawing's SVG, its ids prefixed with <paramref name="idPrefix"/>; empty for an unknown name.</summary>
    public IHtmlContent Inline(string? name, string idPrefix)
    {
        if (name is null || cache.GetOrAdd(name, Read) is not string svg)
        {
            return HtmlString.Empty;
        }

        return new HtmlString(svg
            .Replace("id=\"", $"id=\"{idPrefix}-", StringComparison.Ordinal)
            .Replace("aria-labelledby=\"", $"aria-labelledby=\"{idPrefix}-", StringComparison.Ordinal)
            .Replace("<svg ", "<svg class=\"self-help-drawing\" ", StringComparison.Ordinal));
    }

    private string? Read(string name)
    {
        if (!Exists(name))
        {
            return null;
        }

        using var stream = environment.WebRootFileProvider.GetFileInfo($"{Folder}/{name}.svg").CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
