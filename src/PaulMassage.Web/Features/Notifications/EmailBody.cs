using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>A composed e-mail: subject, plain-text part and HTML part.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>
/// Builds the two parts of an e-mail from the same blocks, so the plain-text and the HTML part
/// always say the same thing. Every value is HTML-encoded in the HTML part.
/// </summary>
public sealed class EmailBody
{
    // Encodes what HTML needs (<, >, &, quotes) and leaves letters such as £ as they are: the part is UTF-8.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public EmailBody Paragraph(string value)
    {
        text.Append(value).Append("\r\n\r\n");
        html.Append("<p style=\"margin:0 0 16px\">").Append(Encode(value)).Append("</p>\n");
        return this;
    }

    public EmailBody Heading(string value)
    {
        text.Append(value).Append("\r\n").Append(new string('-', value.Length)).Append("\r\n");
        html.Append("<h2 style=\"font-size:18px;margin:24px 0 8px\">").Append(Encode(value)).Append("</h2>\n");
        return this;
    }

    /// <summary>Label and value pairs, for example the date, the treatment and the reference.</summary>
    public EmailBody Details(params (string Label, string Value)[] rows)
    {
        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px\">\n");
        foreach (var (label, value) in rows)
        {
            text.Append(label).Append(": ").Append(value).Append("\r\n");
            html.Append("<tr><th scope=\"row\" style=\"text-align:left;padding:2px 12px 2px 0;font-weight:600\">")
                .Append(Encode(label)).Append("</th><td style=\"padding:2px 0\">").Append(Encode(value)).Append("</td></tr>\n");
        }

        text.Append("\r\n");
        html.Append("</table>\n");
        return this;
    }

    public EmailBody Bullets(params string[] items)
    {
        html.Append("<ul style=\"margin:0 0 16px;padding-left:20px\">\n");
        foreach (var item in items)
        {
            text.Append("* ").Append(item).Append("\r\n");
            html.Append("<li style=\"margin:0 0 4px\">").Append(Encode(item)).Append("</li>\n");
        }

        text.Append("\r\n");
        html.Append("</ul>\n");
        return this;
    }

    /// <summary>A call to action: a button in HTML, the label and the address on its own line in text.</summary>
    public EmailBody Link(string label, string url)
    {
        text.Append(label).Append(":\r\n").Append(url).Append("\r\n\r\n");
        html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(Encode(url))
            .Append("\" style=\"display:inline-block;background:#1f4e5f;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none\">")
            .Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Wraps the HTML blocks in a minimal document that renders in mail clients.</summary>
    public EmailContent Build(string subject, string footer)
    {
        var plain = new StringBuilder(text.ToString()).Append("--\r\n").Append(footer.Replace("\n", "\r\n", StringComparison.Ordinal)).Append("\r\n");
        var document = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d2a30\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto\">\n")
            .Append(html)
            .Append("<hr style=\"border:0;border-top:1px solid #cccccc;margin:24px 0 12px\">\n<p style=\"font-size:13px;color:#555555;margin:0\">")
            .Append(string.Join("<br>", footer.Split('\n').Select(Encode)))
            .Append("</p>\n</div>\n</body>\n</html>\n");
        return new EmailContent(subject, plain.ToString(), document.ToString());
    }

    private static string Encode(string value) => Encoder.Encode(value);
}
