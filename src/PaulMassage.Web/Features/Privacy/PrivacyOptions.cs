namespace PaulMassage.Web.Features.Privacy;

/// <summary>Section "Privacy": how long personal data is kept.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// A client's personal and health data is anonymised this many years after their last visit
    /// (8 by default, the period UK professional bodies advise for adults' clinical records).
    /// </summary>
    public int RetentionYears { get; set; } = 8;

    /// <summary>
    /// A booking's manage link (and its move page and data copy) stops working this many days after
    /// the visit; the client can then sign in, ask Paul, or have a fresh link e-mailed to the booking's address.
    /// </summary>
    public int ManageLinkDaysAfterVisit { get; set; } = 30;

    /// <summary>How often the background service applies the retention rule (at most 49 days).</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether the background service runs; tests that apply the rule themselves turn it off.</summary>
    public bool RetentionWorkerEnabled { get; set; } = true;
}
