using PaulMassage.Web.Features.Articles;

namespace PaulMassage.Web.Features.Pages;

public sealed record FaqQuestion(string Question, string Answer);

/// <summary>
/// The questions of the FAQ page, read from its Markdown: each second-level heading ("## ...") is
/// a question and the text up to the next heading its answer. The FAQPage JSON-LD is built from
/// them, so it always matches what the page shows.
/// </summary>
public static class FaqQuestions
{
    public static IReadOnlyList<FaqQuestion> Read(string markdown, MarkdownRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var questions = new List<FaqQuestion>();
        string? question = null;
        var answer = new List<string>();
        void Flush()
        {
            var text = renderer.ToPlainText(string.Join('\n', answer)).Trim();
            if (question is not null && text.Length > 0)
            {
                questions.Add(new FaqQuestion(question, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ")));
            }

            answer.Clear();
        }

        foreach (var line in (markdown ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                Flush();
                question = line.StartsWith("## ", StringComparison.Ordinal) && !line.StartsWith("###", StringComparison.Ordinal)
                    ? line[3..].Trim()
                    : null;
            }
            else
            {
                answer.Add(line);
            }
        }

        Flush();
        return questions;
    }

    public static Dictionary<string, object> JsonLd(IReadOnlyList<FaqQuestion> questions) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "FAQPage",
        ["mainEntity"] = questions.Select(q => new Dictionary<string, object>
        {
            ["@type"] = "Question",
            ["name"] = q.Question,
            ["acceptedAnswer"] = new Dictionary<string, object> { ["@type"] = "Answer", ["text"] = q.Answer },
        }).ToList(),
    };
}
