using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Account;

/// <summary>
/// Client accounts: registration with e-mail confirmation, linking the bookings made with that
/// address, and password resets. Answers never reveal whether an address already has an account.
/// </summary>
public sealed class ClientAccounts(
    UserManager<AppUser> users,
    ClientIdentities identities,
    IEmailSender<AppUser> email,
    IOptions<PracticeOptions> practice,
    ILogger<ClientAccounts> logger)
{
    /// <summary>
    /// Registers a client and sends the confirmation link. For an address that already has an
    /// account it sends that account a fresh confirmation or reset link instead, and succeeds the
    /// same way, so the page cannot be used to find out who has an account.
    /// </summary>
    public async Task<IdentityResult> RegisterAsync(string address, string password)
    {
        ArgumentNullException.ThrowIfNull(address);
        var passwordCheck = await CheckPasswordAsync(password);
        if (!passwordCheck.Succeeded)
        {
            return passwordCheck;
        }

        var existing = await users.FindByEmailAsync(address);
        if (existing is not null)
        {
            await (existing.EmailConfirmed ? SendResetAsync(existing) : SendConfirmationAsync(existing));
            logger.LogInformation("Registration asked for an address that already has an account");
            return IdentityResult.Success;
        }

        var user = new AppUser { UserName = address.Trim(), Email = address.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        await users.AddToRoleAsync(user, Roles.Client);
        await SendConfirmationAsync(user);
        logger.LogInformation("Client account {UserId} registered", user.Id);
        return IdentityResult.Success;
    }

    /// <summary>Sends the confirmation link again, if the address has an unconfirmed account.</summary>
    public async Task ResendConfirmationAsync(string address)
    {
        var user = await users.FindByEmailAsync(address);
        if (user is not null && !user.EmailConfirmed)
        {
            await SendConfirmationAsync(user);
        }
    }

    /// <summary>Confirms the address and links the client records booked with it. False for a bad or used link.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user
            || Decode(code) is not string token)
        {
            return false;
        }

        if (!user.EmailConfirmed)
        {
            var result = await users.ConfirmEmailAsync(user, token);
            if (!result.Succeeded)
            {
                return false;
            }
        }

        await LinkClientRecordsAsync(user);
        return true;
    }

    /// <summary>
    /// Links the address's own client record to the account (once confirmed only, so nobody can
    /// claim another person's bookings by registering their address). Provisional records, of
    /// bookings whose booker never proved the address, are not linked: the booker may not be the
    /// account's owner (see <see cref="ClientIdentities"/>).
    /// </summary>
    public async Task<int> LinkClientRecordsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.EmailConfirmed || string.IsNullOrEmpty(user.Email))
        {
            return 0;
        }

        var linked = await identities.LinkAccountAsync(user.Id, user.Email);
        if (linked > 0)
        {
            logger.LogInformation("Linked {Count} client record(s) to account {UserId}", linked, user.Id);
        }

        return linked;
    }

    /// <summary>
    /// A user has just signed in, which an account needs a confirmed address for: the address is
    /// proven again, so its record joins a client account here if it has not yet (one made before
    /// records were linked where they are made). This, confirmation and the places that make or
    /// adopt an address's record (<see cref="ClientIdentities"/>) are where records are linked, so
    /// that page views only read (<see cref="OwnRecordsAsync(AppUser, CancellationToken)"/>).
    /// </summary>
    public async Task SignedInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsInRoleAsync(user, Roles.Client))
        {
            await LinkClientRecordsAsync(user);
        }
    }

    /// <summary>
    /// The signed-in client's own records, for every account page that shows them: the records
    /// linked to the account, read only (records are linked where the address is proven or where
    /// they are made: <see cref="SignedInAsync"/>). Empty for an unknown account.
    /// </summary>
    public async Task<IReadOnlyList<AccountRecord>> OwnRecordsAsync(string userId, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(userId) ? [] : await identities.AccountRecordsAsync(userId, cancellationToken);

    /// <inheritdoc cref="OwnRecordsAsync(string, CancellationToken)"/>
    public Task<IReadOnlyList<AccountRecord>> OwnRecordsAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return identities.AccountRecordsAsync(user.Id, cancellationToken);
    }

    /// <summary>
    /// The ids of <see cref="OwnRecordsAsync(string, CancellationToken)"/>, read alone (the same
    /// predicate, <see cref="ClientIdentities.AccountRecordIdsAsync"/>): what a page checks a visit,
    /// series or receipt against.
    /// </summary>
    public async Task<IReadOnlyList<int>> OwnRecordIdsAsync(string userId, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(userId) ? [] : await identities.AccountRecordIdsAsync(userId, cancellationToken);

    /// <summary>Sends a reset link if the address has a confirmed account; silent otherwise.</summary>
    public async Task ForgotPasswordAsync(string address)
    {
        var user = await users.FindByEmailAsync(address);
        if (user is not null && user.EmailConfirmed)
        {
            await SendResetAsync(user);
        }
    }

    public async Task<IdentityResult> ResetPasswordAsync(string address, string code, string password)
    {
        var user = await users.FindByEmailAsync(address);
        var token = Decode(code);
        if (user is null || token is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This reset link is not valid or has expired. Ask for a new one." });
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        return result.Succeeded || result.Errors.All(e => e.Code != "InvalidToken")
            ? result
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This reset link is not valid or has expired. Ask for a new one." });
    }

    /// <summary>Runs the password rules alone (at least 12 characters, no composition rules).</summary>
    private async Task<IdentityResult> CheckPasswordAsync(string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task SendConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{BaseUrl}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={Encode(token)}";
        await email.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    private async Task SendResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{BaseUrl}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={Encode(token)}";
        await email.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    private string BaseUrl => practice.Value.BaseUrl.TrimEnd('/');

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
