using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// The rule that the therapist signs in with a second factor (Security:RequireTherapistTwoFactor,
/// on everywhere but a development run): his account must have an authenticator app set up, and
/// may not turn it off.
/// </summary>
public sealed class TherapistTwoFactor(UserManager<AppUser> users, IOptions<SecurityOptions> options)
{
    /// <summary>Where the therapist is sent to set up his authenticator app.</summary>
    public const string SetUpPath = "/account/security";

    /// <summary>True when this account must keep two-factor sign-in on.</summary>
    public async Task<bool> IsRequiredAsync(AppUser user) =>
        options.Value.RequireTherapistTwoFactor && await users.IsInRoleAsync(user, Roles.Therapist);

    /// <summary>True when this account must have two-factor sign-in and has not set it up yet.</summary>
    public async Task<bool> IsMissingAsync(AppUser user) =>
        await IsRequiredAsync(user) && !await users.GetTwoFactorEnabledAsync(user);
}

/// <summary>
/// On every back-office action (<see cref="AdminAreaConvention"/> adds it): a therapist without an
/// authenticator app is sent to set one up, and reaches nothing else until he has.
/// </summary>
public sealed class TherapistTwoFactorFilter(UserManager<AppUser> users, TherapistTwoFactor rule) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await users.GetUserAsync(context.HttpContext.User) is { } user && await rule.IsMissingAsync(user))
        {
            context.Result = new RedirectResult(TherapistTwoFactor.SetUpPath);
        }
    }
}
