using MimeKit;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheOutboxMime
{
    private static OutboxMessage Row(string? ics = null) => new()
    {
        Kind = NotificationKind.Confirmed,
        ToAddress = "ann@example.com",
        ToName = "Ann Client",
        ReplyTo = "hello@paulmassage.example",
        Subject = "Confirmed",
        TextBody = "Plain words",
        HtmlBody = "<p>HTML words</p>",
        CalendarIcs = ics,
        CalendarMethod = ics is null ? null : "REQUEST",
        MessageId = "0123abcd@paulmassage.example",
        CreatedUtc = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void the_message_has_both_parts_and_keeps_its_message_id()
    {
        var mime = OutboxMime.Build(Row(), "hello@paulmassage.example", "Paul Massage");

        Assert.Equal("0123abcd@paulmassage.example", mime.MessageId);
        Assert.Equal("Plain words", mime.TextBody);
        Assert.Equal("<p>HTML words</p>", mime.HtmlBody);
        Assert.Equal("Paul Massage", mime.From.Mailboxes.Single().Name);
        Assert.Equal("ann@example.com", mime.To.Mailboxes.Single().Address);
        Assert.Equal("hello@paulmassage.example", mime.ReplyTo.Mailboxes.Single().Address);
        Assert.Empty(mime.Attachments);
    }

    [Fact]
    public void an_invitation_is_attached_as_a_calendar_request()
    {
        var mime = OutboxMime.Build(Row("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), "hello@paulmassage.example", "Paul Massage");

        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("visit.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
    }

    [Fact]
    public void a_message_with_an_unsubscribe_address_carries_the_one_click_headers_and_others_do_not()
    {
        var row = Row();
        row.ListUnsubscribeUrl = "https://paulmassage.example/no-review-requests/def";

        var mime = OutboxMime.Build(row, "hello@paulmassage.example", "Paul Massage");

        Assert.Equal("<https://paulmassage.example/no-review-requests/def>", mime.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Null(OutboxMime.Build(Row(), "hello@paulmassage.example", "Paul Massage").Headers[HeaderId.ListUnsubscribe]);
    }
}
