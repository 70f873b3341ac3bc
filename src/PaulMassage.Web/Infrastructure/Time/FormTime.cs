namespace PaulMassage.Web.Infrastructure.Time;

/// <summary>Instants posted by forms: written as UTC ("...Z"), bound by MVC as local or unspecified.</summary>
public static class FormTime
{
    public static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        var v => DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
    };
}
