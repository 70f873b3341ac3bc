namespace PaulMassage.Web.Features.Site;

/// <summary>
/// What the layout puts in the page head. One per request: each view fills it in with
/// <c>@inject PageMeta Meta</c>, the layout reads it.
/// </summary>
public sealed class PageMeta
{
    /// <summary>The layout's fall-back; every page sets a description of its own.</summary>
    public const string DefaultDescription = "Mobile massage for back pain: Paul brings the treatment table to your home.";

    public string Title { get; set; } = "Paul Massage";

    public string Description { get; set; } = DefaultDescription;

    /// <summary>The canonical path of the page, for example /services/deep-tissue-massage.</summary>
    public string? CanonicalPath { get; set; }

    /// <summary>Extra schema.org JSON-LD for the page, serialised by the view.</summary>
    public string? JsonLd { get; set; }

    public bool NoIndex { get; set; }
}

public sealed class PracticeOptions
{
    public const string Section = "Practice";

    public string Name { get; set; } = "Paul Massage";

    public string TherapistName { get; set; } = "Paul";

    public string Phone { get; set; } = "07700 900123";

    public string Email { get; set; } = "hello@paulmassage.example";

    public string Area { get; set; } = "central London";

    /// <summary>How soon the therapist answers a request, as the site and the e-mails both say it.</summary>
    public const string DefaultReplyTime = "within one working day";

    /// <summary>How soon the therapist answers a request: "within one working day" (read "usually ...").</summary>
    public string ReplyTime { get; set; } = DefaultReplyTime;

    /// <summary>The public address of the site, for canonical links, the sitemap and e-mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
