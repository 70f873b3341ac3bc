using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// Refuses text that no person types: control characters (NUL, escape, the C1 range...), lone
/// surrogates and non-characters, and the invisible characters that change how text around them
/// shows (the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069,
/// which could make a name read backwards on the therapist's screens; the zero-width space U+200B
/// and the byte-order mark U+FEFF), in every string a form or query binds, at the top level or in a
/// view model. Line breaks and tabs are allowed only in properties marked
/// [DataType(DataType.MultilineText)]. The field gets an error in ModelState, so the form comes
/// back with a message like any other validation error. Emoji (with their zero-width joiner U+200D)
/// and right-to-left scripts (with U+200C, U+200E, U+200F) are text and pass.
/// </summary>
public sealed class UnsafeCharactersFilter : IActionFilter
{
    public const string Message = "This contains characters that cannot be used here (control characters, or invisible ones such as text-direction overrides or zero-width spaces). Please retype it.";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, value) in context.ActionArguments)
        {
            switch (value)
            {
                case string text when !IsAcceptable(text, multiline: false):
                    context.ModelState.AddModelError(name, Message);
                    break;
                case not null when IsViewModel(value.GetType()):
                    foreach (var (property, multiline, texts) in StringsOf(value))
                    {
                        if (texts.Any(t => !IsAcceptable(t, multiline)))
                        {
                            context.ModelState.AddModelError(property, Message);
                        }
                    }

                    break;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>True when the text holds only characters a person could have typed.</summary>
    public static bool IsAcceptable(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
            {
                return false;
            }

            if (char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t'))
            {
                return false;
            }

            if (IsInvisibleFormatting(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Bidirectional embeddings, overrides and isolates, the zero-width space and the byte-order mark.</summary>
    private static bool IsInvisibleFormatting(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\uFEFF';

    private static bool IsViewModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(UnsafeCharactersFilter).Assembly;

    /// <summary>Each view model's readable properties and whether they may hold line breaks, read by reflection once per type.</summary>
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Multiline)[]> PropertiesByType = new();

    private static (PropertyInfo Property, bool Multiline)[] PropertiesOf(Type type) =>
        PropertiesByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p, p.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText))
            .ToArray());

    private static IEnumerable<(string Property, bool Multiline, IEnumerable<string> Texts)> StringsOf(object model)
    {
        foreach (var (property, multiline) in PropertiesOf(model.GetType()))
        {
            if (property.PropertyType == typeof(string))
            {
                if (property.GetValue(model) is string text)
                {
                    yield return (property.Name, multiline, [text]);
                }
            }
            else if (typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
            {
                if (property.GetValue(model) is IEnumerable<string> texts)
                {
                    yield return (property.Name, multiline, texts.OfType<string>().ToList());
                }
            }
            else if (property.PropertyType.IsClass && IsViewModel(property.PropertyType) && property.GetValue(model) is { } nested && nested is not IEnumerable)
            {
                foreach (var (name, nestedMultiline, texts) in StringsOf(nested))
                {
                    yield return (property.Name + "." + name, nestedMultiline, texts);
                }
            }
        }
    }
}
