using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>
/// Gift vouchers end to end: Paul issues one (code and PDF), a client gives the code when booking or
/// Paul types it when he finishes the visit, the balance goes down with every use, and a wrong,
/// expired or spent code gets its message beside the field with what was typed kept.
/// </summary>
public sealed class VoucherTests : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    private PracticeAppFactory Factory => factory;

    public void Dispose() => factory.Dispose();

    /// <summary>Issues a voucher through the back-office form (an amount, or the treatment "{serviceId}-{minutes}" when given); returns it as stored.</summary>
    private async Task<Voucher> IssueAsync(string amount = "50", string expires = "2027-12-31", string recipient = "Rosa Recipient", string? treatment = null)
    {
        using var paul = await Factory.TherapistAsync();
        using var issued = await Sessions.PostAsync(paul, "/admin/vouchers/new", "/admin/vouchers/new",
            ("Kind", treatment is null ? "amount" : "treatment"), ("Amount", treatment is null ? amount : string.Empty), ("Treatment", treatment ?? string.Empty),
            ("ExpiresOn", expires), ("RecipientName", recipient), ("BuyerName", "Ben Buyer"), ("BuyerEmail", "ben@test.example"));
        Assert.Equal("/admin/vouchers", issued.RequestMessage!.RequestUri!.AbsolutePath);
        return await Factory.WithDbAsync(db => db.Vouchers.AsNoTracking().OrderBy(v => v.Id).LastAsync());
    }

    private Task<HttpResponseMessage> FinishWithVoucherAsync(HttpClient paul, int visitId, string code, string amount = "70", string? method = "Card")
    {
        var fields = new List<(string, string)> { ("Amount", amount), ("Payment", method is null ? "owed" : "paid"), ("VoucherCode", code), ("Note.PainScore", "3"), ("Note.Subjective", "Easier") };
        if (method is not null)
        {
            fields.Add(("Method", method));
        }

        return Task.Run(async () =>
        {
            fields.Add(("Version", await Visits.VersionAsync(Factory, visitId)));
            return await Sessions.PostAsync(paul, $"/admin/visits/{visitId}/complete", $"/admin/visits/{visitId}/complete", [.. fields]);
        });
    }

    [Fact]
    public async Task paul_issues_a_voucher_with_a_readable_code_and_a_printable_pdf_that_only_he_can_download()
    {
        var voucher = await IssueAsync();
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", voucher.Code);
        Assert.Equal((50m, 50m, new DateOnly(2027, 12, 31)), (voucher.ValueGbp, voucher.BalanceGbp, voucher.ExpiresOn));

        using var paul = await Factory.TherapistAsync();
        var list = ClientArrange.Text(await paul.GetStringAsync("/admin/vouchers"));
        Assert.Contains(voucher.Code, list, StringComparison.Ordinal);
        Assert.Contains("Use by 31 December 2027", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/vouchers\"", await paul.GetStringAsync("/admin"), StringComparison.Ordinal);

        using var pdf = await paul.GetAsync($"/admin/vouchers/{voucher.Id}/voucher.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = PaymentArrange.PdfText(bytes);
        foreach (var expected in new[] { "GIFT VOUCHER", voucher.Code, "For Rosa Recipient", "From Ben Buyer", "£50 towards any treatment", "31 December 2027" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ben@test.example", text, StringComparison.Ordinal);

        // Anonymous: sign in first. A client (even one with a visit): not theirs to see.
        using var anonymous = Factory.Browser();
        foreach (var path in new[] { "/admin/vouchers", $"/admin/vouchers/{voucher.Id}/voucher.pdf" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        await Factory.VisitAsync("cara.client@test.example", Visits.March(3, 10));
        await Factory.ClientAccountAsync("cara.client@test.example", "voucher-test-passphrase-1");
        using var client = await Factory.SignedInAsync("cara.client@test.example", "voucher-test-passphrase-1");
        foreach (var path in new[] { "/admin/vouchers", $"/admin/vouchers/{voucher.Id}/voucher.pdf" })
        {
            using var response = await client.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(voucher.Code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_treatment_voucher_pdf_reads_back_with_its_code_treatment_and_expiry_and_nothing_of_the_recipients_health()
    {
        // The recipient is already a client: a visit with an intake form and Paul's note about it.
        var visit = await Factory.VisitAsync("hana.health@test.example", Visits.March(2, 10), AppointmentStatus.Completed, name: "Hana Health",
            phone: "07700 900777", postcode: "SE11 4AB", complaint: "Sciatica down the left leg since the fall", contraindications: Contraindication.BloodThinners);
        await Factory.NoteAsync(visit.Id, painScore: 7);
        var service = await Factory.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Options).SingleAsync(s => s.Slug == "deep-tissue-massage"));
        var price = service.Options.Single(o => o.Minutes == 60).PriceGbp;

        var voucher = await IssueAsync(expires: "2027-06-30", recipient: "Hana Health", treatment: $"{service.Id}-60");
        Assert.Equal((VoucherKind.Treatment, service.Id, 60, price), (voucher.Kind, voucher.ServiceId, voucher.Minutes, voucher.ValueGbp));

        using var paul = await Factory.TherapistAsync();
        var text = await PaymentArrange.PdfTextAsync(await paul.GetAsync($"/admin/vouchers/{voucher.Id}/voucher.pdf"));
        foreach (var expected in new[] { "GIFT VOUCHER", voucher.Code, $"A 60-minute {service.Name}", "For Hana Health", "From Ben Buyer", "Use it by 30 June 2027.", "Issued on 1 March 2027." })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // A treatment voucher names the treatment, not a sum of money; and nothing of the client's record is printed.
        Assert.DoesNotContain("towards any treatment", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "Sciatica", "left leg", "blood", "Blood", "thinner", "Arranged note", "hana.health@test.example", "07700 900777", "SE11 4AB", "1 Test Street", "ben@test.example" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_voucher_form_with_mistakes_says_what_is_wrong_beside_each_field_and_keeps_what_was_typed()
    {
        using var paul = await Factory.TherapistAsync();
        using var response = await Sessions.PostAsync(paul, "/admin/vouchers/new", "/admin/vouchers/new",
            ("Kind", "amount"), ("Amount", "fifty"), ("ExpiresOn", "2027-02-01"), ("RecipientName", "Rosa Recipient"), ("BuyerName", ""));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the amount in pounds", html, StringComparison.Ordinal);
        Assert.Contains("The expiry date must be after today.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the name of who bought it", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"fifty\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Rosa Recipient\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Vouchers.CountAsync()));
    }

    [Fact]
    public async Task at_the_visit_a_voucher_pays_what_it_can_the_rest_is_paid_as_usual_and_the_balance_is_kept_for_next_time()
    {
        var voucher = await IssueAsync(amount: "100");
        var first = await Factory.VisitAsync("vera.voucher@test.example", Visits.March(2, 10), name: "Vera Voucher");
        var second = await Factory.VisitAsync("vera.voucher@test.example", Visits.March(4, 10), name: "Vera Voucher");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 12)));
        using (var paul = await Factory.TherapistAsync())
        {
            // All 70 of the first visit from the voucher (typed in small letters, without dashes): nothing to pay by card.
            using var done = await FinishWithVoucherAsync(paul, first.Id, voucher.Code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), method: null);
            Assert.Contains($"Voucher {voucher.Code} paid £70 (£30 left on it)", Sessions.AdminMessage(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var paidFirst = await PaymentArrange.PaymentAsync(Factory, first.Id);
        Assert.Equal((0m, 70m, false), (paidFirst.AmountGbp, paidFirst.VoucherGbp, paidFirst.IsOwed));
        Assert.NotNull(paidFirst.ReceiptNumber);

        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 12)));
        using (var paul = await Factory.TherapistAsync())
        {
            (await FinishWithVoucherAsync(paul, second.Id, voucher.Code, method: "Cash")).Dispose();
            var receipt = await PaymentArrange.PdfTextAsync(await paul.GetAsync($"/admin/payments/receipts/{(await PaymentArrange.PaymentAsync(Factory, second.Id)).ReceiptNumber}"));
            Assert.Contains("gift voucher £30.00 and cash £40.00", receipt, StringComparison.Ordinal);
            Assert.Contains("£70.00", receipt, StringComparison.Ordinal);

            var list = ClientArrange.Text(await paul.GetStringAsync("/admin/vouchers"));
            Assert.Contains("used up", list, StringComparison.Ordinal);

            var report = ClientArrange.Text(await paul.GetStringAsync("/admin/reports?month=2027-03"));
            Assert.Contains("Sold £100 (1)", report, StringComparison.Ordinal);
            Assert.Contains("Redeemed at visits £100 (2)", report, StringComparison.Ordinal);
        }

        var paidSecond = await PaymentArrange.PaymentAsync(Factory, second.Id);
        Assert.Equal((40m, 30m, PaymentMethods.Cash), (paidSecond.AmountGbp, paidSecond.VoucherGbp, paidSecond.Method));
        var uses = await Factory.WithDbAsync(db => db.VoucherRedemptions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.AmountGbp, r.AppointmentId }).ToListAsync());
        Assert.Equal([(70m, (int?)first.Id), (30m, second.Id)], uses.Select(u => (u.AmountGbp, u.AppointmentId)));
        Assert.Equal(0m, (await Factory.WithDbAsync(db => db.Vouchers.AsNoTracking().SingleAsync())).BalanceGbp);

        // The client's data export names the voucher used and what it paid, never the buyer.
        await using (var scope = Factory.Scope())
        {
            var handler = scope.ServiceProvider.GetServices<PaulMassage.Web.Features.Privacy.IPersonalDataHandler>().OfType<PaymentsPersonalData>().Single();
            var export = System.Text.Json.JsonSerializer.Serialize(await handler.ExportAsync(new([first.ClientId], [first.Id, second.Id], true), default));
            Assert.Contains(voucher.Code, export, StringComparison.Ordinal);
            Assert.Contains("\"paidByVoucherGbp\":70", export, StringComparison.Ordinal);
            Assert.DoesNotContain("Ben", export, StringComparison.Ordinal);
        }

        // Used up: a third visit is refused with the message beside the field, the code kept.
        var third = await Factory.VisitAsync("vera.voucher@test.example", Visits.March(5, 10), name: "Vera Voucher");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(5, 12)));
        using var paulAgain = await Factory.TherapistAsync();
        using var spent = await FinishWithVoucherAsync(paulAgain, third.Id, voucher.Code);
        var html = await spent.Content.ReadAsStringAsync();
        Assert.Contains("This voucher has been used up", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{voucher.Code}\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Payments.CountAsync(p => p.AppointmentId == third.Id)));
    }

    [Fact]
    public async Task an_unknown_or_expired_code_at_the_visit_gets_its_message_and_nothing_is_recorded()
    {
        var voucher = await IssueAsync(expires: "2027-03-03");
        var visit = await Factory.VisitAsync("eve.expired@test.example", Visits.March(4, 10));
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 12)));
        using var paul = await Factory.TherapistAsync();

        using (var unknown = await FinishWithVoucherAsync(paul, visit.Id, "ABCD-EFGH-JKLM"))
        {
            var html = await unknown.Content.ReadAsStringAsync();
            Assert.Contains("We do not recognise this code", html, StringComparison.Ordinal);
            Assert.Contains("value=\"ABCD-EFGH-JKLM\"", html, StringComparison.Ordinal);
        }

        using (var expired = await FinishWithVoucherAsync(paul, visit.Id, voucher.Code))
        {
            Assert.Contains("This voucher expired on 3 March 2027", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await Factory.WithDbAsync(db => db.Payments.CountAsync()));
        Assert.Equal(50m, (await Factory.WithDbAsync(db => db.Vouchers.AsNoTracking().SingleAsync())).BalanceGbp);
    }

    [Fact]
    public async Task a_client_gives_the_code_when_booking_it_is_checked_shown_and_used_when_paul_finishes_the_visit()
    {
        var voucher = await IssueAsync(amount: "30");
        var starts = await Factory.FreeStartsAsync(1);
        var request = new VisitRequest { StartUtc = starts[0], Email = "gina.gift@test.example", Name = "Gina Gift" };

        // A wrong code: the message beside the field, everything typed kept, nothing booked.
        using var browser = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var wrong = request.Fields();
        wrong.Add(new("VoucherCode", "ZZZZ-ZZZZ-ZZZ2"));
        using (var refused = await BookingFlow.SubmitAsync(browser, request, wrong))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("We do not recognise this code", html, StringComparison.Ordinal);
            Assert.Contains("value=\"ZZZZ-ZZZZ-ZZZ2\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Gina Gift\"", html, StringComparison.Ordinal);
        }

        var good = request.Fields();
        good.Add(new("VoucherCode", voucher.Code));
        using var booked = await BookingFlow.SubmitAsync(browser, request, good);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var manage = ClientArrange.Text(await browser.GetStringAsync(booked.Headers.Location!.OriginalString));
        Assert.Contains($"Your voucher {voucher.Code} (£30) will be used at the visit", manage, StringComparison.Ordinal);

        // Someone else booking with the same e-mail address, without the code: their page shows no voucher.
        var other = await Visits.RequestAsync(Factory, Visits.March(12, 10), "Sam Stranger", "GINA.GIFT@test.example");
        Assert.DoesNotContain(voucher.Code, await browser.GetStringAsync($"/bookings/{other.Token}"), StringComparison.Ordinal);

        var visitId = await Factory.WithDbAsync(db => db.VoucherHolds.Select(h => h.AppointmentId).SingleAsync());
        await ConfirmedVisits.ConfirmAsync(Factory, new ArrangedVisit(visitId, 0, string.Empty, string.Empty, default));
        Factory.Clock.SetUtcNow(new DateTimeOffset(starts[0].AddHours(2)));
        using var paulLater = await Factory.TherapistAsync();
        Assert.Contains($"value=\"{voucher.Code}\"", await paulLater.GetStringAsync($"/admin/visits/{visitId}/complete"), StringComparison.Ordinal);
        (await FinishWithVoucherAsync(paulLater, visitId, voucher.Code, method: "Card")).Dispose();
        var payment = await PaymentArrange.PaymentAsync(Factory, visitId);
        Assert.Equal((40m, 30m), (payment.AmountGbp, payment.VoucherGbp));
    }

    [Fact]
    public async Task guessing_codes_on_the_booking_form_is_rate_limited()
    {
        // The site's own limit on the booking form's posts, set low as the rate-limit tests do (tests otherwise raise it).
        Factory.Settings["Security:RateLimit:PermitLimit"] = "5";
        var starts = await Factory.FreeStartsAsync(1);
        var request = new VisitRequest { StartUtc = starts[0], Email = "greg.guess@test.example" };
        using var browser = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var fields = request.Fields();
            fields.Add(new("VoucherCode", $"ABCD-EFGH-JK{VoucherCodes.Alphabet[i]}{VoucherCodes.Alphabet[i + 1]}"));
            using var response = await BookingFlow.SubmitAsync(browser, request, fields);
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(5, statuses.IndexOf(HttpStatusCode.TooManyRequests));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.Client!.Email == "greg.guess@test.example")));
    }
}
