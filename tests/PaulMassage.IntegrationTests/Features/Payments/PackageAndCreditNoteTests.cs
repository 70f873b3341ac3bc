using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.Web.Features.Payments;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>Course packages (priced by Paul, shown with the saving, paid once and drawn on) and credit notes (never an edited receipt).</summary>
public sealed class PackageAndCreditNoteTests : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    private PracticeAppFactory Factory => factory;

    public void Dispose() => factory.Dispose();

    private async Task<HttpResponseMessage> FinishAsync(HttpClient paul, int visitId, string package, string amount = "70", string? method = "Card")
    {
        var fields = new List<(string, string)>
        {
            ("Version", await Visits.VersionAsync(Factory, visitId)), ("Amount", amount), ("Payment", "paid"), ("Package", package),
            ("Note.PainScore", "3"), ("Note.Subjective", "Easier"),
        };
        if (method is not null)
        {
            fields.Add(("Method", method));
        }

        return await Sessions.PostAsync(paul, $"/admin/visits/{visitId}/complete", $"/admin/visits/{visitId}/complete", [.. fields]);
    }

    [Fact]
    public async Task a_course_package_is_priced_by_paul_shown_with_its_saving_paid_with_the_first_visit_and_drawn_on_by_the_next()
    {
        var serviceId = await Factory.WithDbAsync(db => db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync());
        using (var paul = await Factory.TherapistAsync())
        {
            var form = await paul.GetStringAsync("/admin/settings/packages");
            var index = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Rows\\[(\\d+)\\]\\.ServiceId\" value=\"(\\d+)\"").First(m => m.Groups[2].Value == serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && form.Contains($"name=\"Rows[{m.Groups[1].Value}].Minutes\" value=\"60\"", StringComparison.Ordinal)).Groups[1].Value;
            var rows = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Rows\\[(\\d+)\\]\\.ServiceId\" value=\"(\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"Rows\\[\\d+\\]\\.Minutes\" value=\"(\\d+)\"")
                .SelectMany(m => new[] { ($"Rows[{m.Groups[1].Value}].ServiceId", m.Groups[2].Value), ($"Rows[{m.Groups[1].Value}].Minutes", m.Groups[3].Value) }).ToList();
            rows.Add(($"Rows[{index}].Visits", "6"));
            rows.Add(($"Rows[{index}].Price", "999"));
            using (var tooDear = await Sessions.PostAsync(paul, "/admin/settings/packages", "/admin/settings/packages", [.. rows]))
            {
                var html = await tooDear.Content.ReadAsStringAsync();
                Assert.Contains("That is more than 6 single visits cost", html, StringComparison.Ordinal);
                Assert.Contains("value=\"999\"", html, StringComparison.Ordinal);
            }

            rows[^1] = ($"Rows[{index}].Price", "390");
            using var saved = await Sessions.PostAsync(paul, "/admin/settings/packages", "/admin/settings/packages", [.. rows]);
            Assert.Equal("/admin/settings", saved.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var price = await Factory.WithDbAsync(db => db.ServiceOptions.Where(o => o.ServiceId == serviceId && o.Minutes == 60).Select(o => o.PriceGbp).SingleAsync());
        using var anyone = Factory.Browser();
        var page = ClientArrange.Text(await anyone.GetStringAsync("/services/deep-tissue-massage"));
        Assert.Contains(PackageRules.Offer(price, 6, 390m), page, StringComparison.Ordinal);
        Assert.Contains($"saving £{(price * 6) - 390m:0}", page, StringComparison.Ordinal);

        var first = await Factory.VisitAsync("pia.package@test.example", Visits.March(2, 10), name: "Pia Package");
        var second = await Factory.VisitAsync("pia.package@test.example", Visits.March(9, 10), name: "Pia Package");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 12)));
        using (var paul = await Factory.TherapistAsync())
        {
            Assert.Contains("id=\"package-buy\"", await paul.GetStringAsync($"/admin/visits/{first.Id}/complete"), StringComparison.Ordinal);
            (await FinishAsync(paul, first.Id, "buy")).Dispose();
        }

        var bought = await PaymentArrange.PaymentAsync(Factory, first.Id);
        Assert.Equal((390m, PaymentMethods.Card), (bought.AmountGbp, bought.Method));
        Assert.NotNull(bought.PackageId);

        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(9, 12)));
        using (var paul = await Factory.TherapistAsync())
        {
            var form = await paul.GetStringAsync($"/admin/visits/{second.Id}/complete");
            Assert.Contains("5 visits left of 6", ClientArrange.Text(form), StringComparison.Ordinal);
            (await FinishAsync(paul, second.Id, "draw", method: null)).Dispose();
            var drawn = await PaymentArrange.PaymentAsync(Factory, second.Id);
            Assert.Equal((0m, false, bought.PackageId), (drawn.AmountGbp, drawn.IsOwed, drawn.PackageId));
            var receipt = await PaymentArrange.PdfTextAsync(await paul.GetAsync($"/admin/payments/receipts/{drawn.ReceiptNumber}"));
            Assert.Contains($"course package, paid on receipt {PaymentRules.ReceiptLabel(bought.ReceiptNumber!.Value)}", receipt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_credit_note_has_its_own_gap_free_number_names_the_receipt_and_goes_into_the_figures_and_a_safe_csv()
    {
        var a = await Factory.VisitAsync("cora.credit@test.example", Visits.March(2, 10), name: "=HYPERLINK(\"x\")");
        var b = await Factory.VisitAsync("dan.debit@test.example", Visits.March(2, 14), name: "Dan Debit");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 16)));
        using var paul = await Factory.TherapistAsync();
        (await PaymentArrange.FinishAsync(paul, Factory, a.Id, amount: "70", method: "Card")).Dispose();
        (await PaymentArrange.FinishAsync(paul, Factory, b.Id, amount: "70", method: "Cash")).Dispose();
        var receiptA = (await PaymentArrange.PaymentAsync(Factory, a.Id)).ReceiptNumber!.Value;
        var receiptB = (await PaymentArrange.PaymentAsync(Factory, b.Id)).ReceiptNumber!.Value;

        Assert.Contains($"/admin/payments/receipts/{receiptA}/credit-note", await paul.GetStringAsync($"/admin/requests/{a.Id}"), StringComparison.Ordinal);
        var page = $"/admin/payments/receipts/{receiptA}/credit-note";
        using (var tooMuch = await Sessions.PostAsync(paul, page, page, ("Amount", "80"), ("Reason", "-refund")))
        {
            var html = WebUtility.HtmlDecode(await tooMuch.Content.ReadAsStringAsync());
            Assert.Contains("At most £70 can be credited against this receipt.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"80\"", html, StringComparison.Ordinal);
        }

        (await Sessions.PostAsync(paul, page, page, ("Amount", "20"), ("Reason", "-Refund: visit cut short"))).Dispose();
        var pageB = $"/admin/payments/receipts/{receiptB}/credit-note";
        (await Sessions.PostAsync(paul, pageB, pageB, ("Amount", "70"), ("Reason", "Wrong client"))).Dispose();
        using (var full = await Sessions.PostAsync(paul, pageB, pageB, ("Amount", "1"), ("Reason", "Again")))
        {
            Assert.Contains("id=\"fully-credited\"", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([1, 2], await Factory.WithDbAsync(db => db.CreditNotes.OrderBy(c => c.Number).Select(c => c.Number).ToListAsync()));
        Assert.Equal((70m, 70m), await Factory.WithDbAsync(async db => (await db.Payments.Where(p => p.Id > 0).OrderBy(p => p.Id).Select(p => p.AmountGbp).ToListAsync()) is [var x, var y] ? (x, y) : (0m, 0m)));

        var report = ClientArrange.Text(await paul.GetStringAsync("/admin/reports?month=2027-03"));
        Assert.Contains("Credit notes: £90", report, StringComparison.Ordinal);
        Assert.Contains($"C-000001", report, StringComparison.Ordinal);

        using var csv = await paul.GetAsync("/admin/reports/paid.csv?month=2027-03");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("\"C-000001\"", lines[3], StringComparison.Ordinal);
        Assert.Contains($"credit note for {PaymentRules.ReceiptLabel(receiptA)}: -Refund: visit cut short", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",(20.00)", lines[3], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.DoesNotMatch("(^|,)\"?[=+\\-@]", line));

        // Another client, or nobody, cannot reach the credit-note page.
        using var anonymous = Factory.Browser();
        using var denied = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}
