using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// The second step of signing in, for accounts with an authenticator app: a code from the app, or
/// one of the recovery codes. Failed codes count towards the account's lockout like wrong passwords.
/// </summary>
[AllowAnonymous]
[Route("account/sign-in")]
public sealed class TwoFactorSignInController(SignInManager<AppUser> signIn, ClientAccounts accounts, ILogger<TwoFactorSignInController> logger) : Controller
{
    [HttpGet("2fa")]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(AccountController.SignIn), "Account", new { returnUrl });
        }

        return View("TwoFactorSignIn", new TwoFactorSignInForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("2fa")]
    public async Task<IActionResult> Code([FromForm] TwoFactorSignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToAction(nameof(AccountController.SignIn), "Account", new { form.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return View("TwoFactorSignIn", form);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorSetup.CleanCode(form.Code), form.RememberMe, form.RememberDevice);
        if (result.Succeeded)
        {
            logger.LogInformation("A user signed in with an authenticator code");
            return LocalRedirect(await AccountController.AfterSignInAsync(Url, form.ReturnUrl, signIn.UserManager, accounts, user));
        }

        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? AccountController.LockedOutMessage
            : "That code is not right. Check the time on your phone is correct and enter the code showing now.");
        form.Code = null;
        return View("TwoFactorSignIn", form);
    }

    [HttpGet("recovery")]
    public async Task<IActionResult> Recovery(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(AccountController.SignIn), "Account", new { returnUrl });
        }

        return View("RecoverySignIn", new RecoveryCodeSignInForm { ReturnUrl = returnUrl });
    }

    [HttpPost("recovery")]
    public async Task<IActionResult> Recovery([FromForm] RecoveryCodeSignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToAction(nameof(AccountController.SignIn), "Account", new { form.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return View("RecoverySignIn", form);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("A user signed in with a recovery code");
            return LocalRedirect(await AccountController.AfterSignInAsync(Url, form.ReturnUrl, signIn.UserManager, accounts, user));
        }

        ModelState.AddModelError(nameof(form.RecoveryCode), result.IsLockedOut
            ? AccountController.LockedOutMessage
            : "That recovery code is not right, or it has already been used.");
        form.RecoveryCode = null;
        return View("RecoverySignIn", form);
    }
}
