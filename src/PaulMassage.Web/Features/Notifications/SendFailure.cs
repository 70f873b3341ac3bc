using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// What a failed send means: permanent (the server refused this recipient or this message for
/// good) or temporary (worth another try), described in our own words. The server's own text is
/// never kept, as it can quote the recipient's address.
/// </summary>
public sealed record SendFailure(bool Permanent, string Description)
{
    public static SendFailure From(Exception exception) => exception switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } e when (int)e.StatusCode >= 500 =>
            new(true, $"The mail server refused the recipient address (SMTP {(int)e.StatusCode})."),
        SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } e when (int)e.StatusCode >= 500 =>
            new(true, $"The mail server refused the message (SMTP {(int)e.StatusCode})."),
        SmtpCommandException e =>
            new(false, $"The mail server answered {(int)e.StatusCode} ({e.ErrorCode})."),
        SmtpProtocolException => new(false, "The mail server broke off the SMTP conversation."),
        AuthenticationException => new(false, "The mail server did not accept the configured user name or password."),
        SslHandshakeException => new(false, "The secure (TLS) connection to the mail server failed."),
        SocketException e => new(false, $"Could not reach the mail server ({e.SocketErrorCode})."),
        ServiceNotConnectedException or IOException => new(false, "The connection to the mail server was lost."),
        TimeoutException or OperationCanceledException => new(false, "The mail server did not answer in time."),
        UnauthorizedAccessException => new(false, "The pickup folder cannot be written to."),
        _ => new(false, $"Unexpected error ({exception.GetType().Name})."),
    };
}
