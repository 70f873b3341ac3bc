namespace PaulMassage.Web.Features.Pages;

/// <summary>
/// One of the practice's fixed pages (about, FAQ, terms): Markdown the therapist edits in the back
/// office, like an article. The pages always exist; they are edited, never removed.
/// </summary>
public class SitePage
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>One sentence for the meta description.</summary>
    public required string Description { get; set; }

    public required string BodyMarkdown { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Replaces the page's text (the editor has checked it).</summary>
    public void Edit(string title, string description, string bodyMarkdown, DateTime nowUtc)
    {
        Title = title.Trim();
        Description = description.Trim();
        BodyMarkdown = bodyMarkdown.Trim() + "\n";
        UpdatedUtc = nowUtc;
    }
}

/// <summary>
/// The therapist's credentials, shown on /about and in the business JSON-LD: one row, edited in
/// the back office. An empty value is simply not shown.
/// </summary>
public class TherapistCredentials
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>For example "ITEC Level 3 Diploma in Massage; BTEC Level 5 in Sports Massage", one per line.</summary>
    public string Qualifications { get; set; } = string.Empty;

    /// <summary>The professional body he is a member of, for example "Federation of Holistic Therapists".</summary>
    public string ProfessionalBody { get; set; } = string.Empty;

    public string MembershipNumber { get; set; } = string.Empty;

    /// <summary>Who insures him and for what, for example "Professional and public liability insurance with Balens, £6 million".</summary>
    public string Insurance { get; set; } = string.Empty;

    public IReadOnlyList<string> QualificationList =>
        Qualifications.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Edit(string? qualifications, string? professionalBody, string? membershipNumber, string? insurance)
    {
        Qualifications = string.Join('\n', (qualifications ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        ProfessionalBody = (professionalBody ?? string.Empty).Trim();
        MembershipNumber = (membershipNumber ?? string.Empty).Trim();
        Insurance = (insurance ?? string.Empty).Trim();
    }
}
