using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// Renders part of a form from a partial view with <c>asp-for</c>, so that its field names are the
/// ones the controller binds. A page's model holds its form (<c>Model.Form</c>), so the form itself
/// is rendered from a partial with the form as model (names from the root: "Name"), and the
/// questions nested in it with the property's name as prefix ("Address.Town").
/// </summary>
public static class FormPartials
{
    /// <summary>ViewData key: the page model, for the form partial that needs more than its form.</summary>
    public const string Page = "FormPage";

    /// <summary>ViewData key: true when the therapist fills the form in for a client.</summary>
    public const string ForSomeoneElse = "FormForSomeoneElse";

    /// <summary>The view data for a partial of the form's <paramref name="property"/>, its fields named "<paramref name="property"/>.Field".</summary>
    public static ViewDataDictionary Nested(ViewDataDictionary viewData, string property)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        var nested = new ViewDataDictionary(viewData);
        nested.TemplateInfo.HtmlFieldPrefix = viewData.TemplateInfo.GetFullHtmlFieldName(property);
        return nested;
    }

    /// <summary>The view data for the partial holding a page's form: the fields named from the root, the page at hand.</summary>
    public static ViewDataDictionary WithPage(ViewDataDictionary viewData, object page)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return new ViewDataDictionary(viewData) { [Page] = page };
    }
}
