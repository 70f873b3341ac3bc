using PaulMassage.Web.Features.Clients;

namespace PaulMassage.UnitTests.Features.Clients;

public sealed class AContactChoice
{
    [Theory]
    [InlineData("07700 900123", "07700900123")]
    [InlineData("Vera Victim", "vera  victim")]
    [InlineData(" Ann ", "Ann")]
    public void does_not_differ_by_letter_case_or_spaces(string onRecord, string fromBooking) =>
        Assert.False(new ContactChoice("Phone", onRecord, fromBooking).Differs);

    [Theory]
    [InlineData("07700 900123", "07700 900124")]
    [InlineData("Vera Victim", "Sam Stranger")]
    public void differs_when_the_booking_gave_other_details(string onRecord, string fromBooking) =>
        Assert.True(new ContactChoice("Name", onRecord, fromBooking).Differs);
}
