using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// Step 2 on a phone: a strip of a week's days with the number of free times on each, the chosen
/// day's times by morning, afternoon and evening, and a date field to jump to any bookable day;
/// all plain links and a GET form.
/// </summary>
public sealed class TheTimeChoice(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Choice = "/book/slots?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB";

    private PracticeAppFactory Factory => fixture.Factory;

    private async Task<string> PageAsync(string extra = "")
    {
        using var client = Factory.CreateClient();
        using var response = await client.GetAsync(Choice + extra);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task shows_a_week_of_days_with_their_free_counts_and_the_first_free_day_chosen()
    {
        // The fake clock says Monday 1 March 2027, 09:00: Monday is inside the notice, Sunday closed.
        var html = await PageAsync();

        Assert.Contains("Monday 1 March: no free times", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday 2 March: 37 free times", html, StringComparison.Ordinal);
        Assert.Contains("Saturday 6 March: 17 free times", html, StringComparison.Ordinal);
        Assert.Contains("Sunday 7 March: no free times", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Monday 8 March", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/book/slots?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&week=2027-03-01&day=2027-03-02\" aria-current=\"date\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("day=2027-03-01\"", html, StringComparison.Ordinal); // a day with nothing free is not a link
        Assert.Contains("<h2 class=\"h5 mt-3\" id=\"chosen-day\">Tuesday 2 March</h2>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Tuesday 2 March at 09:00\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Wednesday 3 March at 09:00\"", html, StringComparison.Ordinal); // one day's times at a time
    }

    [Fact]
    public async Task groups_the_day_into_morning_afternoon_and_evening()
    {
        var text = Text(await PageAsync("&day=2027-03-04"));

        var morning = text.IndexOf("Morning 09:00", StringComparison.Ordinal);
        var afternoon = text.IndexOf("Afternoon 12:00", StringComparison.Ordinal);
        var evening = text.IndexOf("Evening 17:00", StringComparison.Ordinal);
        Assert.True(morning > 0 && afternoon > morning && evening > afternoon, text);
        Assert.Contains("11:45 Afternoon", text, StringComparison.Ordinal);
        Assert.Contains("16:45 Evening", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task reaches_a_date_weeks_ahead_directly_and_shows_its_week()
    {
        var html = await PageAsync("&day=2027-04-14");

        Assert.Contains("id=\"chosen-day\">Wednesday 14 April</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Monday 12 April: 37 free times", html, StringComparison.Ordinal); // the strip counts weeks from today
        Assert.Contains("aria-current=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-04-14\" min=\"2027-03-01\" max=\"2027-04-26\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task shows_a_booked_time_as_taken_on_its_day()
    {
        await Factory.VisitAsync("time-choice@test.example", Visits.March(5, 12));

        var html = await PageAsync("&day=2027-03-05");

        Assert.Contains("Friday 5 March: 26 free times", html, StringComparison.Ordinal); // 37 less the 11 starts from 10:45 to 13:15 (the visit and its travel time)
        Assert.DoesNotContain("aria-label=\"Friday 5 March at 12:00\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-06-30", "Visits can be booked from 1 March to 26 April 2027. Choose a date in between.")]
    [InlineData("2027-02-01", "Visits can be booked from 1 March to 26 April 2027. Choose a date in between.")]
    [InlineData("next tuesday", "Enter a date, for example 2027-03-02.")]
    public async Task says_beside_the_date_field_why_a_date_cannot_be_shown_and_keeps_it(string typed, string message)
    {
        var html = await PageAsync("&day=" + Uri.EscapeDataString(typed));

        Assert.Contains($"<div class=\"invalid-feedback d-block\" id=\"day-error\">{message}</div>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chosen-day\">Tuesday 2 March</h2>", html, StringComparison.Ordinal); // and still offers times
    }

    [Fact]
    public async Task keeps_the_week_links_of_earlier_e_mails()
    {
        var html = await PageAsync("&week=2027-03-17");

        Assert.Contains("Wednesday 17 March: 37 free times", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday 23 March: 37 free times", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chosen-day\">Wednesday 17 March</h2>", html, StringComparison.Ordinal);
    }
}
