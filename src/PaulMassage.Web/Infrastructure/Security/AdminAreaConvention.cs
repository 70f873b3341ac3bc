using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>The authorization policies the site uses.</summary>
public static class Policies
{
    /// <summary>The therapist's back office: a signed-in user in the Therapist role.</summary>
    public const string Therapist = "Therapist";

    /// <summary>The path under which everything belongs to the therapist.</summary>
    public const string AdminPrefix = "admin";

    /// <summary>True when the request is answered by a back-office endpoint: one the <see cref="Therapist"/> policy guards.</summary>
    public static bool IsBackOffice(HttpContext context) =>
        context?.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Therapist) == true;
}

/// <summary>
/// Puts every action whose route starts with /admin under the <see cref="Policies.Therapist"/>
/// policy, whatever its controller says, so a new back-office controller is protected without
/// anyone remembering an attribute, and behind <see cref="TherapistTwoFactorFilter"/>. An admin
/// action marked [AllowAnonymous] stops the site at start-up instead of silently opening the back office.
/// </summary>
public sealed class AdminAreaConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        ArgumentNullException.ThrowIfNull(application);
        foreach (var controller in application.Controllers)
        {
            foreach (var action in controller.Actions)
            {
                if (!RoutesOf(controller, action).Any(IsAdminRoute))
                {
                    continue;
                }

                if (controller.Attributes.OfType<IAllowAnonymous>().Any() || action.Attributes.OfType<IAllowAnonymous>().Any())
                {
                    throw new InvalidOperationException(
                        $"{controller.ControllerType.Name}.{action.ActionName} is under /admin but allows anonymous access.");
                }

                foreach (var selector in action.Selectors)
                {
                    selector.EndpointMetadata.Add(new AuthorizeAttribute(Policies.Therapist));
                }

                // ...and with two-factor sign-in set up, where it is required.
                action.Filters.Add(new TypeFilterAttribute(typeof(TherapistTwoFactorFilter)));
            }
        }
    }

    /// <summary>True for "admin", "/admin", "admin/..." and "~/admin/...", in any case.</summary>
    public static bool IsAdminRoute(string? template)
    {
        if (template is null)
        {
            return false;
        }

        var path = template.TrimStart('~').TrimStart('/');
        return path.Equals(Policies.AdminPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(Policies.AdminPrefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string?> RoutesOf(ControllerModel controller, ActionModel action)
    {
        var controllerRoutes = controller.Selectors.Select(s => s.AttributeRouteModel).Where(r => r is not null).ToList();
        foreach (var actionSelector in action.Selectors)
        {
            if (controllerRoutes.Count == 0)
            {
                yield return actionSelector.AttributeRouteModel?.Template;
                continue;
            }

            foreach (var controllerRoute in controllerRoutes)
            {
                yield return AttributeRouteModel.CombineAttributeRouteModel(controllerRoute, actionSelector.AttributeRouteModel)?.Template;
            }
        }
    }
}
