using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>The month in figures and the accountant's CSV, from visits finished through the back office.</summary>
public sealed class TheReports : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_month_counts_income_by_method_visits_clients_no_shows_late_cancellations_and_what_is_owed()
    {
        await PaymentArrange.SettingsAsync(factory, noShowFee: "25");
        await factory.VisitAsync("ron.return@test.example", new DateTime(2027, 2, 16, 9, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Ron Return"); // seen in February
        var first = await factory.VisitAsync("ron.return@test.example", Visits.March(3, 10), name: "Ron Return");
        var newcomer = await factory.VisitAsync("=HYPERLINK(\"x\")@test.example", Visits.March(3, 14), name: "=cmd|' /C calc'!A0");
        var owing = await factory.VisitAsync("olga.owes@test.example", Visits.March(4, 10), name: "Olga Owes");
        var missed = await factory.VisitAsync("mo.missed@test.example", Visits.March(4, 14), name: "Mo Missed");
        var late = await factory.VisitAsync("lee.late@test.example", Visits.March(5, 16), name: "Lee Late");
        await factory.VisitAsync("ron.return@test.example", Visits.March(20, 10), AppointmentStatus.Requested); // Ron books again

        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(5, 9)));
        var paul = await factory.TherapistAsync();
        (await PaymentArrange.FinishAsync(paul, factory, first.Id, amount: "70", method: "Card")).Dispose();
        (await PaymentArrange.FinishAsync(paul, factory, newcomer.Id, amount: "95", method: "Cash")).Dispose();
        (await PaymentArrange.FinishAsync(paul, factory, owing.Id, amount: "70", method: null)).Dispose();
        (await Sessions.PostAsync(paul, "/admin", $"/admin/visits/{missed.Id}/no-show", ("Version", await Visits.VersionAsync(factory, missed.Id)))).Dispose();
        (await Sessions.PostAsync(paul, "/admin", $"/admin/visits/{late.Id}/cancelled-late", ("Version", await Visits.VersionAsync(factory, late.Id)))).Dispose();

        Assert.Contains("id=\"admin-nav-reports\"", await paul.GetStringAsync("/admin"), StringComparison.Ordinal);
        var page = await paul.GetStringAsync("/admin/reports?month=2027-03");
        var text = ClientArrange.Text(page);
        Assert.Contains("Figures: March 2027", text, StringComparison.Ordinal);
        Assert.Contains("Income: £165", text, StringComparison.Ordinal);
        Assert.Contains("card 1 £70", text, StringComparison.Ordinal);
        Assert.Contains("cash 1 £95", text, StringComparison.Ordinal);
        Assert.Contains("bank transfer 0 £0", text, StringComparison.Ordinal);
        Assert.Contains("Visits given 3", text, StringComparison.Ordinal); // Ron, the newcomer, Olga
        Assert.Contains("New clients 2", text, StringComparison.Ordinal); // the newcomer and Olga; Ron came in February
        Assert.Contains("Returning clients 1", text, StringComparison.Ordinal);
        Assert.Contains("No-shows 1", text, StringComparison.Ordinal);
        Assert.Contains("Late cancellations 1", text, StringComparison.Ordinal);
        Assert.Contains("Still owed for these visits £95 (2)", text, StringComparison.Ordinal); // Olga's £70 and Mo's £25 fee
        Assert.Contains("Booked again afterwards 33%", text, StringComparison.Ordinal); // Ron, of three clients seen
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"income-chart-desc\">", page, StringComparison.Ordinal);
        Assert.Contains("March 2027 £165", text, StringComparison.Ordinal); // the chart's table

        // The tax year 2026/27 holds March 2027.
        Assert.Contains("Income: £165", ClientArrange.Text(await paul.GetStringAsync("/admin/reports?taxYear=2026")), StringComparison.Ordinal);
        Assert.Contains("Income: £0", ClientArrange.Text(await paul.GetStringAsync("/admin/reports?taxYear=2027")), StringComparison.Ordinal);

        using var csv = await paul.GetAsync("/admin/reports/paid.csv?month=2027-03");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Receipt,Date paid,Visit date,Reference,Client,Treatment,Minutes,For,Method,Amount (GBP)", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", lines[2], StringComparison.Ordinal); // never a formula
        Assert.EndsWith(",\"cash\",95.00", lines[2], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.DoesNotMatch("(^|,)\"?[=+\\-@]", line));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Payments.CountAsync(p => p.PaidUtc != null)));
        paul.Dispose();
    }
}

/// <summary>How to pay, from the payment settings, on the treatment pages, the booking's last step and the manage page.</summary>
public sealed class HowToPay : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_public_pages_say_how_and_when_to_pay_as_the_settings_say()
    {
        await PaymentArrange.SettingsAsync(factory, noShowFee: "30");
        var visit = await Visits.RequestAsync(factory, Visits.March(9, 10));
        using var anyone = factory.Browser();
        foreach (var path in new[] { "/services", "/services/deep-tissue-massage", visit.ManageUrl })
        {
            var text = ClientArrange.Text(await anyone.GetStringAsync(path));
            Assert.Contains("How to pay", text, StringComparison.Ordinal);
            Assert.Contains("Payment is due at the end of the visit.", text, StringComparison.Ordinal);
            Assert.Contains("For a bank transfer: Paul Massage, sort code 00-00-00, account 12345678.", text, StringComparison.Ordinal);
            Assert.Contains("If nobody is in when Paul arrives, a fee of £30 is charged.", text, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"payment-records\"", await anyone.GetStringAsync("/privacy"), StringComparison.Ordinal);
    }
}
