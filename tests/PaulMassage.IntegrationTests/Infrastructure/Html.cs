using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Reads pages the way the tests need: parsed HTML, form values, error messages.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of a text input, or the text of a text area.</summary>
    public static string? FieldValue(this IDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => null,
        };
    }

    /// <summary>The values of the ticked check boxes or radio buttons of a field.</summary>
    public static IReadOnlyList<string> Checked(this IDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']")
            .Where(i => i.IsChecked)
            .Select(i => i.Value)
            .ToList();
    }

    /// <summary>The messages in the page's error summary.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelectorAll(".alert-danger li").Select(li => li.TextContent.Trim()).ToList();
    }

    public static string Title(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Title ?? string.Empty;
    }

    public static string? MetaDescription(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector("meta[name='description']")?.GetAttribute("content");
    }

    public static string? Canonical(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
    }

    public static IReadOnlyList<string> JsonLd(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent).ToList();
    }
}
