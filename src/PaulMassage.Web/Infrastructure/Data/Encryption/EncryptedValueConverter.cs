using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>Turns a value into invariant text, encrypts it on the way in and reverses both on the way out.</summary>
public sealed class EncryptedValueConverter<T>(ColumnProtector protector)
    : ValueConverter<T, string>(v => protector.Protect(ColumnText.Format(v)), s => ColumnText.Parse<T>(protector.Unprotect(s)))
    where T : notnull;

/// <summary>The invariant text form of a column value, stable across cultures and releases.</summary>
public static class ColumnText
{
    public static string Format<T>(T value) => value switch
    {
        string s => s,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => throw new ArgumentNullException(nameof(value)),
        _ => value.ToString() ?? string.Empty,
    };

    public static T Parse<T>(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        object value = (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)) switch
        {
            var t when t == typeof(string) => text,
            var t when t.IsEnum => Enum.ToObject(t, long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            var t when t == typeof(DateTime) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            var t when t == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            var t when t == typeof(DateOnly) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture),
            var t when t == typeof(bool) => bool.Parse(text),
            var t when t == typeof(Guid) => Guid.Parse(text),
            var t => Convert.ChangeType(text, t, CultureInfo.InvariantCulture),
        };
        return (T)value;
    }
}
