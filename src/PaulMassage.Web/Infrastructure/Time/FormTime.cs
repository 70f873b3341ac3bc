namespace PaulMassage.Web.Infrastructure.Time;

/// <summary>Instants posted by forms: written as UTC ("...Z"), bound by MVC as local or unspecified.</summary>
public static class FormTime
{
    /// <summary>
    /// How an instant travels in a form field or a link: UTC to the second with its Z, which the
    /// model binder reads back as UTC (then <see cref="AsUtc"/>).
    /// </summary>
    public static string Value(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        var v => DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
    };
}
