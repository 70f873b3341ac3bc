using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheMailboxRule
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData(" name@example.com ")]
    [InlineData("first.last+tag@example.co.uk")]
    [InlineData("o'neill@example.com")]
    [InlineData("zoë@exämple.com")]
    public void accepts_one_address_mailkit_can_send_to(string address)
    {
        Assert.True(MailboxAttribute.IsMailbox(address));
        Assert.True(new MailboxAttribute().IsValid(address));
    }

    [Theory]
    [InlineData("victim;attacker@evil.example")]
    [InlineData("victim,attacker@evil.example")]
    [InlineData("ann@example.com, bob@example.com")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@example.com (Ann)")]
    [InlineData("ann@example.com\r\nBcc: bob@example.com")]
    [InlineData("ann example@example.com")]
    [InlineData("first..last@example.com")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    public void refuses_anything_that_is_not_exactly_one_mailbox(string address)
    {
        Assert.False(MailboxAttribute.IsMailbox(address));
        Assert.False(new MailboxAttribute().IsValid(address));
    }

    [Fact]
    public void leaves_an_empty_field_to_the_required_rule() =>
        Assert.True(new MailboxAttribute().IsValid(null) && new MailboxAttribute().IsValid(string.Empty));
}
