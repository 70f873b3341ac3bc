using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Calendar;

public sealed class TheDayAgenda(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_day_lists_visits_in_order_with_address_access_map_phone_and_the_gap_to_the_next()
    {
        var afternoon = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(3, 14), name: "Third Visit");
        var morning = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(3, 10), name: "First Visit");
        var midday = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(3, 11, 30), name: "Second Visit");
        var pending = await Visits.RequestAsync(Factory, Visits.March(3, 16), name: "Not Yet");
        using var therapist = await Factory.TherapistAsync();

        var html = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/day?date=2027-03-03"));

        Assert.Contains("Wednesday 3 March 2027", html, StringComparison.Ordinal);
        Assert.Contains("Travel time between visits: 30 minutes.", html, StringComparison.Ordinal); // no zones set: the flat buffer, said plainly
        var first = html.IndexOf($"id=\"agenda-visit-{morning.Id}\"", StringComparison.Ordinal);
        var second = html.IndexOf($"id=\"agenda-visit-{midday.Id}\"", StringComparison.Ordinal);
        var third = html.IndexOf($"id=\"agenda-visit-{afternoon.Id}\"", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < second && second < third, "Visits are in time order.");
        var card = html[first..second];
        Assert.Contains("10:00–11:00", card, StringComparison.Ordinal);
        Assert.Contains("First Visit", card, StringComparison.Ordinal);
        Assert.Contains("1 Test Street, Flat 2, London, SE1 7PB", card, StringComparison.Ordinal);
        Assert.Contains("Getting in:</strong> Ring the top bell", card, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.google.com/maps/search/?api=1&query=1%20Test%20Street%2C%20Flat%202%2C%20London%2C%20SE1%207PB\"", card, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:07700900456\"", card, StringComparison.Ordinal);
        Assert.Contains($"id=\"gap-after-{morning.Id}\"", card, StringComparison.Ordinal);
        Assert.Contains("30 minutes until the next visit.", card, StringComparison.Ordinal);
        Assert.Contains("1 h 30 min until the next visit.", html[second..third], StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"gap-after-{afternoon.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"agenda-visit-{pending.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"pending-{pending.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("16:00–17:00 Not Yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", card.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_gap_shorter_than_the_travel_time_is_flagged_after_the_buffer_was_raised()
    {
        var early = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(5, 9));
        await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(5, 10, 30));
        await SetTravelBufferAsync(45);
        try
        {
            using var therapist = await Factory.TherapistAsync();

            var html = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/day?date=2027-03-05"));

            Assert.Matches($"class=\"agenda-gap agenda-gap-short\" id=\"gap-after-{early.Id}\"", html);
            Assert.Contains("Warning: Only 30 minutes until the next visit: less than the 45 minutes you keep for travel.", html, StringComparison.Ordinal);
        }
        finally
        {
            await SetTravelBufferAsync(30);
        }
    }

    [Fact]
    public async Task a_day_without_visits_says_so_and_today_is_the_default()
    {
        using var therapist = await Factory.TherapistAsync();

        var html = await therapist.GetStringAsync("/admin/day");

        Assert.Contains("Today, Monday 1 March 2027", html, StringComparison.Ordinal);
        Assert.Contains("id=\"no-visits\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/day?date=2027-03-02\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/day?date=2027-02-28\"", html, StringComparison.Ordinal);
    }

    private async Task SetTravelBufferAsync(int minutes)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PaulMassage.Web.Infrastructure.Data.AppDbContext>();
        var settings = await db.PracticeSettings.SingleAsync();
        settings.TravelBufferMinutes = minutes;
        await db.SaveChangesAsync();
    }
}
