namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The box of problems above a form that came back with errors (partial _ErrorSummary): listed in
/// the order of the form, each a link to the control to fix, and focused when the page opens so a
/// screen reader reads it first.
/// </summary>
/// <param name="Heading">The sentence above the list.</param>
/// <param name="Fields">The form's fields in page order, with the id of the control each error should lead to (null: no link).</param>
public sealed record ErrorSummary(string Heading, IReadOnlyList<(string Key, string? TargetId)> Fields)
{
    public IEnumerable<(string? TargetId, string Message)> Errors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(entry.Key))
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Target(entry.Key), error.ErrorMessage)))
            .DistinctBy(error => error.ErrorMessage);
    }

    private int Position(string key)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Key == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private string? Target(string key) => Fields.FirstOrDefault(f => f.Key == key).TargetId;
}
