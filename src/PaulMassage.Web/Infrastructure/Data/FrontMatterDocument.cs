namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>
/// A Markdown file with a block of <c>key: value</c> lines between two <c>---</c> lines at the top,
/// the form the seed content in Content/ is written in.
/// </summary>
public sealed record FrontMatterDocument(IReadOnlyDictionary<string, string> Fields, string Body)
{
    public string Required(string key) =>
        Fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Front matter has no '{key}'.");

    public static FrontMatterDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return new FrontMatterDocument(new Dictionary<string, string>(), text);
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException("Front matter is not closed with '---'.");
        }

        foreach (var line in lines[1..end])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new FrontMatterDocument(fields, string.Join('\n', lines[(end + 1)..]).Trim() + "\n");
    }
}
