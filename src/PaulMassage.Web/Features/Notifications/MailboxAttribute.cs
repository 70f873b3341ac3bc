using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The site's one rule for an e-mail address typed into a form: MailKit, which sends the site's
/// e-mail, must read it as exactly one mailbox and nothing else (no display name, no comment, no
/// second address). DataAnnotations' [EmailAddress] only checks for an "@", so an address like
/// "victim;attacker@evil.example" passed it and then every e-mail about that booking failed.
/// As a <see cref="DataTypeAttribute"/> of <see cref="DataType.EmailAddress"/>, the field still
/// renders as &lt;input type="email"&gt;. An empty value passes: [Required] says whether one is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailboxAttribute : DataTypeAttribute
{
    public const string Message = "Enter one e-mail address, like name@example.com, with no spaces, commas or semicolons.";

    public MailboxAttribute()
        : base(DataType.EmailAddress) => ErrorMessage = Message;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => text.Trim().Length == 0 || IsMailbox(text),
        _ => false,
    };

    /// <summary>
    /// True when MailKit parses the text as exactly one mailbox whose address is the whole text
    /// (spaces around it aside: the forms trim them before storing).
    /// </summary>
    public static bool IsMailbox(string? text)
    {
        var address = text?.Trim();
        return !string.IsNullOrEmpty(address)
            && MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && string.Equals(mailbox.Address, address, StringComparison.Ordinal)
            && address.Contains('@', StringComparison.Ordinal);
    }
}
