using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// "Sign-in and security" for any signed-in account (the therapist first of all): change the
/// password, and set up or turn off two-factor sign-in with an authenticator app. Every change
/// gives the account a new security stamp, which ends its other sessions; this one is re-issued.
/// </summary>
[Route("account/security")]
public sealed class SecurityController(UserManager<AppUser> users, SignInManager<AppUser> signIn, TherapistTwoFactor therapistTwoFactor, ILogger<SecurityController> logger) : Controller
{
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View("Security", new SecurityOverviewPage(
            user.Email ?? string.Empty,
            await users.GetTwoFactorEnabledAsync(user),
            await users.GetAuthenticatorKeyAsync(user) is not null,
            await users.CountRecoveryCodesAsync(user),
            TempData["SecurityMessage"] as string,
            await therapistTwoFactor.IsRequiredAsync(user)));
    }

    [HttpGet("password")]
    public IActionResult Password() => View("ChangePassword", new ChangePasswordForm());

    [HttpPost("password")]
    public async Task<IActionResult> Password([FromForm] ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("ChangePassword", new ChangePasswordForm());
        }

        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            }

            return View("ChangePassword", new ChangePasswordForm());
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password; other sessions ended", user.Id);
        TempData["SecurityMessage"] = "Your password is changed. Any other device signed in to this account has been signed out.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Creates a new authenticator key (replacing any earlier one) and shows it.</summary>
    [HttpPost("two-factor/setup")]
    public async Task<IActionResult> SetUp()
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Index));
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Enable));
    }

    [HttpGet("two-factor/enable")]
    public async Task<IActionResult> Enable()
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user) || await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return RedirectToAction(nameof(Index));
        }

        return View("EnableTwoFactor", await EnablePageAsync(user, new EnableTwoFactorForm()));
    }

    [HttpPost("two-factor/enable")]
    public async Task<IActionResult> Enable([FromForm] EnableTwoFactorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return RedirectToAction(nameof(Index));
        }

        if (ModelState.IsValid
            && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorSetup.CleanCode(form.Code)))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check the time on your phone is correct and enter the code showing now.");
        }

        if (!ModelState.IsValid)
        {
            return View("EnableTwoFactor", await EnablePageAsync(user, new EnableTwoFactorForm()));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes]));
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromForm] ConfirmPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user) || !await PasswordConfirmedAsync(user, form))
        {
            return RedirectToAction(nameof(Index));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes]));
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> Disable([FromForm] ConfirmPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (await therapistTwoFactor.IsRequiredAsync(user))
        {
            TempData["SecurityMessage"] = "The back office needs two-factor sign-in, so it cannot be turned off.";
            return RedirectToAction(nameof(Index));
        }

        if (!await PasswordConfirmedAsync(user, form))
        {
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        TempData["SecurityMessage"] = "Two-factor sign-in is off. Your authenticator app's entry for this site no longer works; you can set it up again at any time.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> PasswordConfirmedAsync(AppUser user, ConfirmPasswordForm form)
    {
        if (ModelState.IsValid && await users.CheckPasswordAsync(user, form.CurrentPassword!))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        TempData["SecurityMessage"] = "That password is not right, so nothing was changed.";
        return false;
    }

    private async Task<EnableTwoFactorPage> EnablePageAsync(AppUser user, EnableTwoFactorForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        var uri = AuthenticatorSetup.Uri(user.Email ?? user.UserName ?? "account", key);
        return new EnableTwoFactorPage(AuthenticatorSetup.FormatKey(key), uri, AuthenticatorSetup.QrCodeDataUri(uri), form);
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
