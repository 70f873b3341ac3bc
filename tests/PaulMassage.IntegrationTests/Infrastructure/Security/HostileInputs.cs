using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>The corpus in hostile-inputs.txt, with its escapes and @repeat(...) lines expanded.</summary>
public static partial class HostileInputs
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(Load);

    public static IReadOnlyList<string> Corpus => All.Value;

    private static List<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Security", "hostile-inputs.txt");
        return File.ReadAllLines(path, Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Expand)
            .ToList();
    }

    private static string Expand(string line)
    {
        if (line == "@empty")
        {
            return string.Empty;
        }

        var repeat = Repeat().Match(line);
        return repeat.Success
            ? string.Concat(Enumerable.Repeat(Unescape(repeat.Groups[2].Value), int.Parse(repeat.Groups[1].Value, CultureInfo.InvariantCulture)))
            : Unescape(line);
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case '0': result.Append('\0'); break;
                case '\\': result.Append('\\'); break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    result.Append((char)code);
                    i += 4;
                    break;
                default: result.Append('\\').Append(next); break;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^@repeat\((\d+),(.*)\)$")]
    private static partial Regex Repeat();
}

/// <summary>A form found in a page of the site: where it goes, how, and its fields with the page's values.</summary>
public sealed record HtmlForm(string Page, string Method, string Action, IReadOnlyList<HtmlField> Fields)
{
    public IEnumerable<string> FieldNames => Fields.Select(f => f.Name).Where(n => n != "__RequestVerificationToken").Distinct();
}

/// <summary>A form field; Checked for a ticked box or chosen radio button, which a browser sends as it is.</summary>
public sealed record HtmlField(string Name, string Type, string Value, bool Checked = false);

public static partial class HtmlForms
{
    public static IEnumerable<HtmlForm> Parse(string page, string html)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            var method = Attribute(attributes, "method") ?? "get";
            var action = Attribute(attributes, "action") ?? page;
            var fields = FieldElement().Matches(form.Groups[2].Value)
                .Select(f => (Name: Attribute(f.Groups[2].Value, "name"), Type: Attribute(f.Groups[2].Value, "type") ?? f.Groups[1].Value.ToLowerInvariant(), Value: Attribute(f.Groups[2].Value, "value") ?? string.Empty,
                    Checked: Regex.IsMatch(f.Groups[2].Value, @"\schecked(\s|=|/|$)")))
                .Where(f => f.Name is not null)
                .Select(f => new HtmlField(f.Name!, f.Type, f.Value, f.Checked))
                .ToList();
            yield return new HtmlForm(page, method.ToUpperInvariant(), action, fields);
        }
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"\\b{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<(input|textarea|select)\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex FieldElement();
}
