using System.ComponentModel.DataAnnotations;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.Web.Features.Account;

/// <summary>The second step of sign-in: a code from the authenticator app.</summary>
public sealed class TwoFactorSignInForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [StringLength(10, ErrorMessage = "The code is 6 digits.")]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    [Display(Name = "Don't ask for a code again on this device")]
    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of sign-in with a recovery code instead of the app.</summary>
public sealed class RecoveryCodeSignInForm
{
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [StringLength(20, ErrorMessage = "A recovery code is 11 characters, like ab12c-3de45.")]
    [Display(Name = "Recovery code")]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(CommonPasswordValidator.MaximumLength, MinimumLength = 12, ErrorMessage = "Use between 12 and 128 characters; a few unrelated words make a good password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>Turning on the authenticator: the code that proves the app is set up.</summary>
public sealed class EnableTwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    [StringLength(10, ErrorMessage = "The code is 6 digits.")]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }
}

/// <summary>Sensitive changes ask for the password again.</summary>
public sealed class ConfirmPasswordForm
{
    [Required(ErrorMessage = "Enter your password to confirm.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string? CurrentPassword { get; set; }
}

public sealed record SecurityOverviewPage(string Email, bool TwoFactorEnabled, bool AuthenticatorSetUp, int RecoveryCodesLeft, string? Message, bool TwoFactorRequired);

public sealed record EnableTwoFactorPage(string SharedKey, string AuthenticatorUri, string QrCodeDataUri, EnableTwoFactorForm Form);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
