using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace PaulMassage.Web.Features.Articles;

/// <summary>A published article as the index holds it: its card, its tags and its words as plain text.</summary>
public sealed record IndexedArticle(ArticleSummary Summary, IReadOnlyList<string> Tags, string BodyText);

/// <summary>A tag and how many published articles carry it.</summary>
public sealed record TagCount(string Tag, int Articles)
{
    public string Label => ArticleTags.Label(Tag);
}

/// <summary>
/// One article found by a search: its title and description with the matched words marked, and the
/// passage of its text around the first match (null when only the title, description or tags matched).
/// The HTML is encoded here, the marks being the only tags in it.
/// </summary>
public sealed record ArticleMatch(IndexedArticle Article, IHtmlContent Title, IHtmlContent Description, IHtmlContent? Excerpt, double Score);

/// <summary>What was searched for and what was found; <see cref="Terms"/> is empty when the query held no word to look for.</summary>
public sealed record ArticleSearchResult(string Query, IReadOnlyList<string> Terms, IReadOnlyList<ArticleMatch> Matches);

/// <summary>
/// Search over the published articles, in memory: there are a handful, so every search reads them
/// all, the same whichever database holds them. Words are compared lowercase, without accents and
/// with the common English endings taken off ("stretches", "stretching" and "stretch" are one word);
/// a word of three letters or more also finds the longer words it begins ("sleep" finds "sleepless").
/// An article matches when every word searched for is in it. It ranks higher the more of them are
/// in its title, then its tags, then its description, then its text; ties go to the newer article.
/// </summary>
public sealed partial class ArticleSearchIndex
{
    /// <summary>The longest query read; anything after it is ignored.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>The most words of a query that count.</summary>
    public const int MaxTerms = 8;

    /// <summary>About how many characters of the article's text a result shows around the match.</summary>
    public const int ExcerptLength = 200;

    private const double TitleWeight = 8, TagWeight = 6, DescriptionWeight = 3, BodyWeight = 1, PrefixFactor = 0.5;
    private const int BodyOccurrencesCounted = 5;

    /// <summary>A line of the text shorter than this is taken for a heading, and a paragraph further on is preferred for the excerpt.</summary>
    private const int ShortestParagraph = 80;

    private static readonly HashSet<string> StopWords = new(
        ["a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it",
         "me", "my", "of", "on", "or", "so", "the", "to", "what", "when", "with", "you", "your"],
        StringComparer.Ordinal);

    private readonly IReadOnlyList<Entry> _entries;

    public ArticleSearchIndex(IEnumerable<IndexedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _entries = articles
            .OrderByDescending(a => a.Summary.PublishedUtc)
            .Select(a => new Entry(a, Stems(a.Summary.Title), Stems(string.Join(' ', a.Tags)), Stems(a.Summary.Description), Stems(a.BodyText)))
            .ToList();
        Articles = _entries.Select(e => e.Article).ToList();
        Tags = Articles.SelectMany(a => a.Tags)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Articles).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every article, newest first.</summary>
    public IReadOnlyList<IndexedArticle> Articles { get; }

    /// <summary>Every tag in use, the most used first.</summary>
    public IReadOnlyList<TagCount> Tags { get; }

    /// <summary>The articles carrying a tag, newest first; empty for a tag no article carries.</summary>
    public IReadOnlyList<IndexedArticle> Tagged(string? tag) =>
        Articles.Where(a => a.Tags.Contains(tag ?? string.Empty, StringComparer.Ordinal)).ToList();

    /// <summary>The words of a query that are searched for: folded and stemmed, without the small common words, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var text = Trimmed(query);
        return Words().Matches(text)
            .Select(m => Fold(m.Value))
            .Where(w => !StopWords.Contains(w))
            .Select(Stem)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
    }

    public ArticleSearchResult Search(string? query)
    {
        var text = Trimmed(query);
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            return new ArticleSearchResult(text, terms, []);
        }

        var matches = new List<ArticleMatch>();
        foreach (var entry in _entries)
        {
            var score = 0.0;
            var all = true;
            foreach (var term in terms)
            {
                var termScore = TitleWeight * Weight(entry.Title, term, 1)
                    + TagWeight * Weight(entry.Tags, term, 1)
                    + DescriptionWeight * Weight(entry.Description, term, 1)
                    + BodyWeight * Weight(entry.Body, term, BodyOccurrencesCounted);
                if (termScore == 0)
                {
                    all = false;
                    break;
                }

                score += termScore;
            }

            if (all)
            {
                var summary = entry.Article.Summary;
                matches.Add(new ArticleMatch(entry.Article, Highlight(summary.Title, terms), Highlight(summary.Description, terms), Excerpt(entry.Article.BodyText, terms), score));
            }
        }

        // A stable sort: equal scores keep the index's order, newest first.
        return new ArticleSearchResult(text, terms, matches.OrderByDescending(m => m.Score).ToList());
    }

    /// <summary>
    /// The text HTML-encoded, with every word that matches one of the terms inside &lt;mark&gt;.
    /// Nothing of the text itself can become markup.
    /// </summary>
    public static IHtmlContent Highlight(string text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match word in Words().Matches(text))
        {
            if (!terms.Any(t => Matches(Stem(Fold(word.Value)), t) > 0))
            {
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(text[at..word.Index]))
                .Append("<mark>").Append(HtmlEncoder.Default.Encode(word.Value)).Append("</mark>");
            at = word.Index + word.Length;
        }

        html.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// About <see cref="ExcerptLength"/> characters around the first matching word, taken from one
    /// paragraph (a line of the plain text; a paragraph is preferred to a heading or a caption of a few
    /// words), cut at word boundaries, with an ellipsis where text was left out; null when no word of
    /// the text matches.
    /// </summary>
    public static IHtmlContent? Excerpt(string text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var matching = text.Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Select(line => (Line: line, First: Words().Matches(line).FirstOrDefault(w => terms.Any(t => Matches(Stem(Fold(w.Value)), t) > 0))))
            .Where(l => l.First is not null)
            .ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        var (flat, first) = matching.FirstOrDefault(l => l.Line.Length >= ShortestParagraph, matching[0]);
        var start = Math.Max(0, first!.Index - (ExcerptLength / 3));
        if (start > 0)
        {
            var space = flat.IndexOf(' ', start);
            start = space < 0 || space >= first.Index ? first.Index : space + 1;
        }

        var end = Math.Min(flat.Length, start + ExcerptLength);
        if (end < flat.Length)
        {
            var space = flat.LastIndexOf(' ', end);
            end = space > first.Index + first.Length ? space : first.Index + first.Length;
        }

        var passage = (start > 0 ? "… " : string.Empty) + flat[start..end].Trim() + (end < flat.Length ? " …" : string.Empty);
        return Highlight(passage, terms);
    }

    private static string Trimmed(string? query)
    {
        var text = Whitespace().Replace(query ?? string.Empty, " ").Trim();
        return text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
    }

    /// <summary>Points for one term in one field: whole-word matches count 1, words it begins count half, up to <paramref name="counted"/> of them.</summary>
    private static double Weight(IReadOnlyList<string> stems, string term, int counted)
    {
        var points = 0.0;
        var found = 0;
        foreach (var stem in stems)
        {
            var match = Matches(stem, term);
            if (match > 0)
            {
                points += match;
                if (++found == counted)
                {
                    break;
                }
            }
        }

        return points;
    }

    /// <summary>1 when the word is the term, <see cref="PrefixFactor"/> when it begins with a term of three letters or more, else 0.</summary>
    private static double Matches(string stem, string term) =>
        string.Equals(stem, term, StringComparison.Ordinal) ? 1
        : term.Length >= 3 && stem.StartsWith(term, StringComparison.Ordinal) ? PrefixFactor
        : 0;

    private static List<string> Stems(string text) => Words().Matches(text).Select(m => Stem(Fold(m.Value))).ToList();

    /// <summary>Lowercase, without accents: "Café" is "cafe".</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>The word without its common English ending: plurals, -ing and -ed ("stretches", "stretching", "stretched": "stretch").</summary>
    private static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            ? word[..^1]
            : word;
    }

    /// <summary>A word: letters and digits, with an apostrophe inside ("don't").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    private sealed record Entry(IndexedArticle Article, IReadOnlyList<string> Title, IReadOnlyList<string> Tags, IReadOnlyList<string> Description, IReadOnlyList<string> Body);
}
