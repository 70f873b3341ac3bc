using System.Collections.Concurrent;
using System.Globalization;
using System.Xml;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.FileProviders;

namespace PaulMassage.Web.Features.Articles;

/// <summary>
/// Turns stored Markdown into HTML. Raw HTML in the Markdown is escaped, not passed through, so an
/// article can never carry a script onto the page.
/// </summary>
/// <remarks>
/// Every image is loaded lazily (the drawings sit below the fold) and, when it is one of the site's
/// own SVG files, is given that file's width and height, so the page does not move as it loads.
/// </remarks>
public sealed class MarkdownRenderer(IWebHostEnvironment environment)
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly ConcurrentDictionary<string, (int Width, int Height)?> _sizes = new(StringComparer.Ordinal);

    public IHtmlContent Render(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
            if (image.Url is { } url && SizeOf(url) is var (width, height))
            {
                attributes.AddPropertyIfNotExist("width", width.ToString(CultureInfo.InvariantCulture));
                attributes.AddPropertyIfNotExist("height", height.ToString(CultureInfo.InvariantCulture));
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? string.Empty, _pipeline);

    /// <summary>The width and height on the root of a site's own SVG file (a path such as /img/drawings/knee-hug.svg), read once.</summary>
    private (int Width, int Height)? SizeOf(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && url.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
            ? _sizes.GetOrAdd(url, path => ReadSize(environment.WebRootFileProvider.GetFileInfo(path)))
            : null;

    private static (int Width, int Height)? ReadSize(IFileInfo file)
    {
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        try
        {
            using var stream = file.CreateReadStream();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            return int.TryParse(reader.GetAttribute("width"), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
                && int.TryParse(reader.GetAttribute("height"), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                ? (width, height)
                : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
