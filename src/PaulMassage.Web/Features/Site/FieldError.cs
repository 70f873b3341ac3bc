using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PaulMassage.Web.Features.Site;

/// <summary>A validation message for one form field; the key matches the form's input name.</summary>
public sealed record FieldError(string Field, string Message);

public static class FieldErrorExtensions
{
    /// <summary>
    /// Adds rule-class errors to the model state so the form shows them beside their fields. A
    /// field that already has a message (a box that could not even be read) keeps just that one.
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors.Where(e => !HasError(modelState, e.Field)))
        {
            modelState.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>"true" when the field has an error, for aria-invalid; null (no attribute) otherwise.</summary>
    public static string? Invalid(this ModelStateDictionary modelState, string field) =>
        HasError(modelState, field) ? "true" : null;

    /// <summary>The ids that describe a field: its help text and, when it has one, its error.</summary>
    public static string? DescribedBy(this ModelStateDictionary modelState, string field, string? helpId = null)
    {
        var ids = string.Join(' ', new[] { helpId, HasError(modelState, field) ? ErrorId(field) : null }.OfType<string>());
        return ids.Length > 0 ? ids : null;
    }

    /// <summary>The CSS class of an input: Bootstrap's invalid style when the field has an error.</summary>
    public static string InputClass(this ModelStateDictionary modelState, string field, string baseClass = "form-control") =>
        HasError(modelState, field) ? baseClass + " is-invalid input-validation-error" : baseClass;

    /// <summary>
    /// What the person typed into a field, even when it could not be read as the field's type
    /// (letters in a number box), so the form shows it back; otherwise the model's value.
    /// </summary>
    public static string? Attempted(this ModelStateDictionary modelState, string field, object? modelValue)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(field, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(modelValue, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The id _FieldError gives a field's message.</summary>
    public static string ErrorId(string field) => field + "-error";

    private static bool HasError(ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
    }
}
