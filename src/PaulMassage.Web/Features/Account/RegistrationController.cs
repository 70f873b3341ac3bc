using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Account;

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Enter your e-mail address: the one you booked with, so your visits appear in your account.")]
    [Mailbox]
    [StringLength(254, ErrorMessage = "That e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose a password of at least 12 characters.")]
    [StringLength(200, ErrorMessage = "Keep the password under 200 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Type the password a second time.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string? ConfirmPassword { get; set; }
}

public sealed class EmailOnlyForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [Mailbox]
    [StringLength(254, ErrorMessage = "That e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }
}

public sealed class ResetPasswordForm
{
    [Required]
    public string? Email { get; set; }

    [Required]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Choose a new password of at least 12 characters.")]
    [StringLength(200, ErrorMessage = "Keep the password under 200 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Type the new password a second time.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>The kind of "check your e-mail" page to show.</summary>
public enum EmailSentKind
{
    Registered,
    ConfirmationResent,
    ResetRequested,
}

/// <summary>Registering a client account, confirming its e-mail address and resetting a forgotten password.</summary>
[AllowAnonymous]
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RegistrationController(ClientAccounts accounts) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View("Register", new RegisterForm());

    [HttpPost("register")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Register([FromForm] RegisterForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await accounts.RegisterAsync(form.Email!, form.Password!);
            if (result.Succeeded)
            {
                return View("EmailSent", EmailSentKind.Registered);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterForm.Password) : nameof(RegisterForm.Email), error.Description);
            }
        }

        form.Password = form.ConfirmPassword = null; // never echo a password back into the page
        return View("Register", form);
    }

    [HttpGet("confirm-email")]
    [GetOnly] // confirming changes the account: a mail scanner's HEAD must not do it
    public async Task<IActionResult> ConfirmEmail([FromQuery] string? userId, [FromQuery] string? code) =>
        View("ConfirmEmail", await accounts.ConfirmAsync(userId, code));

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View("ResendConfirmation", new EmailOnlyForm());

    [HttpPost("resend-confirmation")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ResendConfirmation([FromForm] EmailOnlyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("ResendConfirmation", form);
        }

        await accounts.ResendConfirmationAsync(form.Email!);
        return View("EmailSent", EmailSentKind.ConfirmationResent);
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View("ForgotPassword", new EmailOnlyForm());

    [HttpPost("forgot-password")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ForgotPassword([FromForm] EmailOnlyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("ForgotPassword", form);
        }

        await accounts.ForgotPasswordAsync(form.Email!);
        return View("EmailSent", EmailSentKind.ResetRequested);
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword([FromQuery] string? email, [FromQuery] string? code) =>
        string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code)
            ? View("ConfirmEmail", false)
            : View("ResetPassword", new ResetPasswordForm { Email = email, Code = code });

    [HttpPost("reset-password")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ResetPassword([FromForm] ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await accounts.ResetPasswordAsync(form.Email!, form.Code!, form.Password!);
            if (result.Succeeded)
            {
                TempData["SignInMessage"] = "Your password is changed. Sign in with the new one.";
                return Redirect("/account/sign-in");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(ResetPasswordForm.Password), error.Description);
            }
        }

        form.Password = form.ConfirmPassword = null;
        return View("ResetPassword", form);
    }
}
