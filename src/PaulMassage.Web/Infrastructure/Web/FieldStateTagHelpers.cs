using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// Adds to a control bound with <c>asp-for</c> what the site's forms show when its answer was
/// refused: Bootstrap's <c>is-invalid</c>, <c>aria-invalid</c>, and <c>aria-describedby</c> naming
/// the message that <see cref="FieldErrorIdTagHelper"/> gives an id.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class FieldStateTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    /// <summary>Runs after the framework's input, select and textarea tag helpers.</summary>
    public override int Order => 100;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!FieldErrors.Has(ViewContext.ModelState, name)
            || output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() is "radio" or "hidden")
        {
            return;
        }

        output.AddClass("is-invalid", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var help) ? help.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? FieldErrors.Id(name) : described + " " + FieldErrors.Id(name));
    }
}

/// <summary>
/// A yes/no box for a bool property: <c>&lt;input checkbox-for="Consent"&gt;</c> renders its id,
/// name, value "true" and ticked state from the model. Unlike <c>asp-for</c> it never reads the
/// posted text back (a changed form can post "yes" for a bool, which <c>asp-for</c> fails to
/// convert when the page is shown again) and adds no hidden "false" field: an unticked box posts
/// nothing, which binds as false. Refused answers are marked as by <see cref="FieldStateTagHelper"/>.
/// </summary>
[HtmlTargetElement("input", Attributes = CheckboxForAttribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxForTagHelper : TagHelper
{
    private const string CheckboxForAttribute = "checkbox-for";

    [HtmlAttributeName(CheckboxForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("type", "checkbox");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_"));
        output.Attributes.SetAttribute("name", name);
        output.Attributes.SetAttribute("value", "true");
        if (For.Model is true)
        {
            output.Attributes.SetAttribute("checked", "checked");
        }

        if (FieldErrors.Has(ViewContext.ModelState, name))
        {
            output.AddClass("is-invalid", HtmlEncoder.Default);
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes.TryGetAttribute("aria-describedby", out var help) ? help.Value?.ToString() : null;
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? FieldErrors.Id(name) : described + " " + FieldErrors.Id(name));
        }
    }
}

/// <summary>Gives the message of <c>asp-validation-for</c> the id that its control's <c>aria-describedby</c> names.</summary>
[HtmlTargetElement("span", Attributes = ValidationForAttribute)]
public sealed class FieldErrorIdTagHelper : TagHelper
{
    private const string ValidationForAttribute = "asp-validation-for";

    public override int Order => 100;

    [HtmlAttributeName(ValidationForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (FieldErrors.Has(ViewContext.ModelState, name))
        {
            output.Attributes.SetAttribute("id", FieldErrors.Id(name));
        }
    }
}

/// <summary>Where a field's errors are found, and the id of the message that shows them.</summary>
public static class FieldErrors
{
    public static bool Has(ModelStateDictionary state, string name) =>
        state is not null && state.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

    /// <summary>"Address.Town" gives "Address_Town-error", beside the control's id "Address_Town".</summary>
    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    /// <summary>The message's id when the field has errors, for a group's <c>aria-describedby</c>.</summary>
    public static string? IdIfAny(ModelStateDictionary state, string name) => Has(state, name) ? Id(name) : null;
}
