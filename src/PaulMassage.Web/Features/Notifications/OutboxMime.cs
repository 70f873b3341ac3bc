using System.Text;
using MimeKit;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>Turns an outbox row into the MIME message that is sent: text and HTML alternatives, and the .ics if any.</summary>
public static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage message, string fromAddress, string fromName)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedUtc, DateTimeKind.Utc)),
            Subject = message.Subject,
        };
        mime.From.Add(new MailboxAddress(fromName, fromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        if (!string.IsNullOrEmpty(message.ReplyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        }

        if (!string.IsNullOrEmpty(message.ListUnsubscribeUrl))
        {
            // RFC 2369 and RFC 8058: mail programs offer "unsubscribe", and a POST to the address stops it in one click.
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.ListUnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var builder = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.CalendarIcs is not null)
        {
            var contentType = new ContentType("text", "calendar") { Charset = "utf-8" };
            contentType.Parameters.Add("method", message.CalendarMethod ?? VisitInvitation.Request);
            builder.Attachments.Add("visit.ics", Encoding.UTF8.GetBytes(message.CalendarIcs), contentType);
        }

        mime.Body = builder.ToMessageBody();
        return mime;
    }
}
