using PaulMassage.Web.Features.Courses;

namespace PaulMassage.UnitTests.Features.Courses;

public sealed class TheBookNextLink
{
    [Fact]
    public void with_a_postcode_the_link_opens_the_free_times_from_the_suggested_day() =>
        Assert.Equal(
            "/book/slots?service=deep-tissue-massage&minutes=90&postcode=SE1%207PB&week=2027-03-17",
            CourseService.BookNextLink("deep-tissue-massage", true, 90, "SE1 7PB", new DateOnly(2027, 3, 17)));

    [Fact]
    public void without_a_postcode_the_link_opens_the_first_step_with_the_treatment_chosen() =>
        Assert.Equal("/book?service=swedish-massage&minutes=60", CourseService.BookNextLink("swedish-massage", true, 60, null, new DateOnly(2027, 3, 17)));

    [Fact]
    public void a_length_no_longer_offered_leaves_the_length_to_choose() =>
        Assert.Equal("/book?service=swedish-massage&postcode=E14%205AB", CourseService.BookNextLink("swedish-massage", true, null, "E14 5AB", null));

    [Fact]
    public void a_treatment_no_longer_offered_opens_the_plain_booking_page() =>
        Assert.Equal("/book", CourseService.BookNextLink("hot-stones", false, 60, "SE1 7PB", null));
}
