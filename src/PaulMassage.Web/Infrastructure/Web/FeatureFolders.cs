using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// Views live beside their controller in Features/{Feature}/Views. The feature is the namespace
/// segment after "Features", so a controller can be named for what it does, not for its folder.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var parts = controller.ControllerType.Namespace?.Split('.') ?? [];
        var index = Array.IndexOf(parts, "Features");
        if (index >= 0 && index + 1 < parts.Length)
        {
            controller.Properties[Key] = parts[index + 1];
        }
    }
}

public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values[FeatureConvention.Key] =
            context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var feature) ? feature as string : null;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Values.TryGetValue(FeatureConvention.Key, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/Views/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/Views/{{0}}.cshtml";
        }

        yield return "/Features/Site/Views/{0}.cshtml";
    }
}

/// <summary>
/// Every GET action answers HEAD too, as HTTP expects of a GET resource (link checkers and uptime
/// monitors send HEAD); Kestrel sends the headers of the GET response without its body. Not an
/// action marked <see cref="GetOnlyAttribute"/>.
/// </summary>
public sealed class HeadAsGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Attributes.OfType<GetOnlyAttribute>().Any())
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            var methods = selector.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault();
            if (methods is null || !methods.HttpMethods.Contains(HttpMethods.Get) || methods.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] withHead = [.. methods.HttpMethods, HttpMethods.Head];
            selector.EndpointMetadata.Remove(methods);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(withHead, methods.AcceptCorsPreflight));
            for (var i = 0; i < selector.ActionConstraints.Count; i++)
            {
                if (selector.ActionConstraints[i] is HttpMethodActionConstraint)
                {
                    selector.ActionConstraints[i] = new HttpMethodActionConstraint(withHead);
                }
            }
        }
    }
}

/// <summary>
/// A GET action that must not answer HEAD: opening it does something (confirms an account) or costs
/// a lot (decrypts a whole export), which a mail scanner's or a monitor's HEAD should not trigger.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GetOnlyAttribute : Attribute;
