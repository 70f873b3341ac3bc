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
public sealed class AccountController(SignInManager<AppUser> signIn, SignInAttempts attempts, ClientAccounts accounts, ILogger<AccountController> logger) : Controller
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

        // Wrong passwords count per account and address (SignInAttempts), not in Identity's
        // per-account lockout, so no one else can lock an account out by getting its password wrong.
        var address = Infrastructure.Security.ClientAddress.Of(HttpContext);
        if (attempts.IsLockedOut(form.Email!, address))
        {
            logger.LogWarning("A sign-in was refused (too many failures from this address)");
            return SignInRefused(form, LockedOutMessage);
        }

        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, form.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            attempts.Succeeded(form.Email!, address);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("A user signed in");
            return LocalRedirect(await AfterSignInAsync(Url, form.ReturnUrl, signIn.UserManager, accounts, await signIn.UserManager.FindByEmailAsync(form.Email!)));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorSignInController.Code), "TwoFactorSignIn", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
        }

        // "Not allowed" (an unconfirmed address) is checked before the password, so it counts as a
        // failure and gets the same answer as a wrong password: the page never says whether the password was right.
        var nowLocked = !result.IsLockedOut && attempts.Failed(form.Email!, address);
        logger.LogWarning("A sign-in failed ({Outcome})", result.IsLockedOut ? "account locked out" : nowLocked ? "address now locked out of the account" : result.IsNotAllowed ? "not allowed" : "wrong e-mail or password");
        return SignInRefused(form, result.IsLockedOut || nowLocked ? LockedOutMessage : NotRightMessage);
    }

    public const string NotRightMessage = "The e-mail address or password is not right, or the address is not confirmed yet. If you registered recently, open the link in the e-mail we sent you; you can ask for a new link below.";

    public const string LockedOutMessage = "Too many failed attempts. The account is locked for a few minutes; try again later.";

    private ViewResult SignInRefused(SignInForm form, string message)
    {
        ModelState.AddModelError(string.Empty, message);
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
    /// After signing in (with a password or a second factor): a client's address's record joins the
    /// account (<see cref="ClientAccounts.SignedInAsync"/>); then where to go: the local page asked
    /// for, else the therapist's back office or the client's own account page.
    /// </summary>
    internal static async Task<string> AfterSignInAsync(IUrlHelper url, string? returnUrl, UserManager<AppUser> users, ClientAccounts accounts, AppUser? user)
    {
        if (user is not null)
        {
            await accounts.SignedInAsync(user);
        }

        if (!string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        return user is not null && await users.IsInRoleAsync(user, Roles.Therapist) ? "/admin" : "/account";
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("AccessDenied");
    }
}
