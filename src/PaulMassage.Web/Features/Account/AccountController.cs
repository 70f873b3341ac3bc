using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [Mailbox]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

[AllowAnonymous]
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(SignInManager<AppUser> signIn, ILogger<AccountController> logger) : Controller
{
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl)
    {
        ViewData["SignInMessage"] = TempData["SignInMessage"] as string;
        return View("SignIn", new SignInForm { ReturnUrl = returnUrl });
    }

    [HttpPost("sign-in")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SignIn([FromForm] SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("SignIn", form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("A user signed in");
            return LocalRedirect(await AfterSignInAsync(Url, form.ReturnUrl, signIn.UserManager, () => signIn.UserManager.FindByEmailAsync(form.Email!)));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorSignInController.Code), "TwoFactorSignIn", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
        }

        logger.LogWarning("A sign-in failed ({Outcome})", result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong e-mail or password");
        // "Not allowed" means an unconfirmed address; say so only to someone who knows the password.
        var notConfirmed = result.IsNotAllowed
            && await signIn.UserManager.FindByEmailAsync(form.Email!) is { } pending
            && await signIn.UserManager.CheckPasswordAsync(pending, form.Password!);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts. The account is locked for a few minutes; try again later."
            : notConfirmed
                ? "Please confirm your e-mail address first: open the link in the e-mail we sent you. You can ask for a new link below."
                : "The e-mail address or password is not right.");
        ViewData["ShowResend"] = notConfirmed;
        form.Password = null;
        return View("SignIn", form);
    }

    [HttpPost("sign-out")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SignOutUser()
    {
        // A new security stamp ends this account's sessions on every other device too.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();

        // Nothing of the session stays in this browser's cache or storage either.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return Redirect("/");
    }

    /// <summary>
    /// Where to go after signing in (with a password or a second factor): the local page asked for,
    /// else the therapist's back office or the client's own account page.
    /// </summary>
    internal static async Task<string> AfterSignInAsync(IUrlHelper url, string? returnUrl, UserManager<AppUser> users, Func<Task<AppUser?>> user)
    {
        if (!string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        return await user() is { } signedIn && await users.IsInRoleAsync(signedIn, Roles.Therapist) ? "/admin" : "/account";
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("AccessDenied");
    }
}
