using Markdig;
using Microsoft.AspNetCore.Html;

namespace PaulMassage.Web.Features.Articles;

/// <summary>
/// Turns stored Markdown into HTML. Raw HTML in the Markdown is escaped, not passed through, so an
/// article can never carry a script onto the page.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public IHtmlContent Render(string markdown) => new HtmlString(Markdown.ToHtml(markdown ?? string.Empty, _pipeline));

    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? string.Empty, _pipeline);
}
