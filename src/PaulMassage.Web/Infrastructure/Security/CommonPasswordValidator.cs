using Microsoft.AspNetCore.Identity;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// The breached and common passwords shipped with the site (Content/security/common-passwords.txt),
/// loaded once. Compared without regard to case, so "Password1234" is as refused as "password1234".
/// </summary>
public sealed class CommonPasswordList
{
    public const string RelativePath = "Content/security/common-passwords.txt";

    private readonly Lazy<HashSet<string>> passwords;

    public CommonPasswordList(IWebHostEnvironment environment)
        : this(Path.Combine(environment?.ContentRootPath ?? throw new ArgumentNullException(nameof(environment)), RelativePath))
    {
    }

    public CommonPasswordList(string file) =>
        passwords = new Lazy<HashSet<string>>(() => File.ReadLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public int Count => passwords.Value.Count;

    public bool Contains(string password) => passwords.Value.Contains(password);
}

/// <summary>
/// The password rules of OWASP ASVS 5.0 chapter 6: length over composition (Identity's own options
/// ask for 12 characters and no character classes), at most <see cref="MaximumLength"/> so that
/// 64-character passphrases fit, and no password from the common list or built from the site's or
/// the account's own name.
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswordList common) : IPasswordValidator<AppUser>
{
    public const int MaximumLength = 128;

    /// <summary>Words anyone would try first against this site's accounts.</summary>
    private static readonly string[] ContextWords = ["paulmassage", "massage", "paul", "backpain", "therapist", "password"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Use at most {MaximumLength} characters." });
        }

        if (common.Contains(password) || common.Contains(password.Trim()))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "That password is on a list of passwords seen in data breaches, so it is easy to guess. Choose another: a few unrelated words make a good one.",
            });
        }
        else if (IsContextual(password, user))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContextual",
                Description = "That password is built from your e-mail address or the practice's name, so it is easy to guess. Choose another.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>
    /// True when the password, once lower-cased, stripped of spaces and punctuation and of digits
    /// at its end, is only a site word, the e-mail address or its name part (possibly repeated).
    /// </summary>
    public static bool IsContextual(string password, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(user);
        var core = Core(password);
        if (core.Length == 0)
        {
            return true;
        }

        var words = ContextWords.ToList();
        foreach (var name in new[] { user.Email, user.UserName })
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (password.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            words.Add(Core(name));
            words.Add(Core(name.Split('@')[0]));
        }

        return words.Where(w => w.Length >= 3).Any(word => IsRepetitionOf(core, word));
    }

    private static string Core(string value)
    {
        var letters = new string(value.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return letters.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    private static bool IsRepetitionOf(string core, string word)
    {
        if (core.Length % word.Length != 0)
        {
            return false;
        }

        for (var i = 0; i < core.Length; i += word.Length)
        {
            if (string.CompareOrdinal(core, i, word, 0, word.Length) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
