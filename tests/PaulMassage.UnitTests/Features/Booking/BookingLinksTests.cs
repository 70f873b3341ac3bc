using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheBookingLinks
{
    private static readonly DateTime FiveToTenOnTheLastSundayOfMarch = new(2027, 3, 28, 9, 55, 0, DateTimeKind.Utc);

    [Fact]
    public void carry_the_whole_choice_to_the_free_times_escaped()
    {
        Assert.Equal("/book/slots?service=deep-tissue-massage&minutes=90&postcode=SE1%207PB",
            BookingLinks.Slots("deep-tissue-massage", 90, "SE1 7PB"));
        Assert.Equal("/book/slots?service=a%26b&minutes=60&postcode=SE1%207PB&week=2027-03-22&day=2027-03-28",
            BookingLinks.Slots("a&b", 60, "SE1 7PB", week: new DateOnly(2027, 3, 22), day: new DateOnly(2027, 3, 28)));
    }

    [Fact]
    public void give_a_free_time_in_utc_as_the_details_step_reads_it_back()
    {
        var link = BookingLinks.Details("swedish-massage", 60, "SW1A 1AA", FiveToTenOnTheLastSundayOfMarch);

        Assert.Equal("/book/details?service=swedish-massage&minutes=60&postcode=SW1A%201AA&start=2027-03-28T09%3A55%3A00Z", link);
        Assert.EndsWith("&sameAsLastTime=true", BookingLinks.Details("swedish-massage", 60, "SW1A 1AA", FiveToTenOnTheLastSundayOfMarch, sameAsLastTime: true), StringComparison.Ordinal);
    }

    [Fact]
    public void send_a_visitor_to_sign_in_and_back_to_the_same_step()
    {
        var details = BookingLinks.Details("swedish-massage", 60, "SW1A 1AA", FiveToTenOnTheLastSundayOfMarch);

        var signIn = BookingLinks.SignIn(details);

        Assert.StartsWith("/account/sign-in?returnUrl=%2Fbook%2Fdetails%3Fservice%3Dswedish-massage%26", signIn, StringComparison.Ordinal);
        Assert.Equal(details, Uri.UnescapeDataString(signIn["/account/sign-in?returnUrl=".Length..]));
    }

    [Fact]
    public void open_the_first_step_with_only_what_is_known()
    {
        Assert.Equal("/book?service=swedish-massage", BookingLinks.Choose("swedish-massage"));
        Assert.Equal("/book?service=swedish-massage&postcode=M1%201AE", BookingLinks.Choose("swedish-massage", null, "M1 1AE"));
    }
}
