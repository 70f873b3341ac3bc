using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class ASendFailure
{
    [Fact]
    public void a_refused_recipient_is_permanent_and_its_address_is_not_kept()
    {
        var refused = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            new MailboxAddress("Ann", "ann@example.com"), "5.1.1 <ann@example.com>: Recipient address rejected");

        var failure = SendFailure.From(refused);

        Assert.True(failure.Permanent);
        Assert.Equal("The mail server refused the recipient address (SMTP 550).", failure.Description);
    }

    [Fact]
    public void a_busy_mailbox_is_worth_another_try()
    {
        var busy = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy,
            new MailboxAddress("Ann", "ann@example.com"), "4.2.1 try later <ann@example.com>");

        var failure = SendFailure.From(busy);

        Assert.False(failure.Permanent);
        Assert.DoesNotContain("ann@", failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unreachable_server_is_temporary() =>
        Assert.Equal(new SendFailure(false, "Could not reach the mail server (ConnectionRefused)."),
            SendFailure.From(new SocketException((int)SocketError.ConnectionRefused)));

    [Fact]
    public void wrong_credentials_are_temporary_so_fixing_the_settings_lets_the_messages_through() =>
        Assert.False(SendFailure.From(new AuthenticationException("535 bad credentials for paul@example.com")).Permanent);

    [Fact]
    public void an_unexpected_error_is_named_by_its_type_only() =>
        Assert.Equal("Unexpected error (InvalidOperationException).", SendFailure.From(new InvalidOperationException("ann@example.com")).Description);
}
