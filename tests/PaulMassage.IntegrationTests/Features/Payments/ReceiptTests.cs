using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>
/// The receipt of a paid visit: its PDF says what a health cash plan asks for, and only the therapist,
/// the client (account or live manage link) may have it: not another client, not a stranger who typed
/// the client's e-mail address, not an old manage link, not an anonymous visitor.
/// </summary>
public sealed class TheReceipts : IDisposable
{
    /// <summary>A practice of its own for each test: each moves the clock forward from the same morning.</summary>
    private readonly PracticeAppFactory factory = new();

    private const string Password = "receipt-test-passphrase-1";
    private const string EmailA = "rita.receipt@test.example";
    private const string EmailB = "bill.other@test.example";

    private PracticeAppFactory Factory => factory;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task the_receipt_reads_as_a_receipt_and_only_its_client_and_the_therapist_can_download_it()
    {
        await PaymentArrange.SettingsAsync(Factory, address: "12 Example Road\nLondon SE1 7PB");
        using (var paulSettings = await Factory.TherapistAsync())
        {
            using var saved = await Sessions.PostAsync(paulSettings, "/admin/settings/pages", "/admin/settings/pages/credentials",
                ("Qualifications", "ITEC Level 3 Diploma in Massage"), ("ProfessionalBody", "Federation of Holistic Therapists"),
                ("MembershipNumber", "FHT-123456"), ("Insurance", "Balens, professional and public liability"));
        }

        var visitA = await Factory.VisitAsync(EmailA, Visits.March(2, 10), name: "Rita Receipt");
        var visitB = await Factory.VisitAsync(EmailB, Visits.March(2, 14), name: "Bill Other");
        await Factory.ClientAccountAsync(EmailA, Password);
        await Factory.ClientAccountAsync(EmailB, Password);
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 16)));
        using (var paul = await Factory.TherapistAsync())
        {
            (await PaymentArrange.FinishAsync(paul, Factory, visitA.Id, amount: "65", method: "Card")).Dispose();
            (await PaymentArrange.FinishAsync(paul, Factory, visitB.Id, amount: "70", method: "Cash")).Dispose();
        }

        var number = (await PaymentArrange.PaymentAsync(Factory, visitA.Id)).ReceiptNumber!.Value;
        var label = PaymentRules.ReceiptLabel(number);

        // The client's account lists it and hands it over; on the day it was paid it is the original.
        using var rita = await Factory.SignedInAsync(EmailA, Password);
        Assert.Contains($"href=\"/account/receipts/{number}\"", await rita.GetStringAsync("/account"), StringComparison.Ordinal);
        var text = await PaymentArrange.PdfTextAsync(await rita.GetAsync($"/account/receipts/{number}"));
        foreach (var expected in new[]
        {
            "Paul Massage", "12 Example Road", "London SE1 7PB", $"RECEIPT {label}", "Rita Receipt", "Deep tissue massage, 60 minutes",
            "Tuesday 2 March 2027, 10:00", "£65.00", "Paid by card", "ITEC Level 3 Diploma in Massage",
            "Member of Federation of Holistic Therapists, membership number FHT-123456", "Insurance: Balens, professional and public liability",
            "Not VAT-registered: no VAT is charged.",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("COPY", text, StringComparison.Ordinal);

        // The manage link of the booking gives the same receipt.
        using var anyone = Factory.Browser();
        Assert.Contains($"RECEIPT {label}", await PaymentArrange.PdfTextAsync(await anyone.GetAsync($"/bookings/{visitA.Token}/receipt")), StringComparison.Ordinal);

        // Another client: not found, by account or by their own link.
        using var bill = await Factory.SignedInAsync(EmailB, Password);
        using (var other = await bill.GetAsync($"/account/receipts/{number}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        // A stranger who booked with Rita's address (in capitals), without signing in: their link has no receipt, and never Rita's.
        var stranger = await Visits.RequestAsync(Factory, Visits.March(9, 10), "Sam Stranger", EmailA.ToUpperInvariant());
        using (var strangers = await anyone.GetAsync($"/bookings/{stranger.Token}/receipt"))
        {
            Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        }

        // Anonymous: the account's receipt asks to sign in.
        using var anonymous = Factory.Browser();
        using (var signIn = await anonymous.GetAsync($"/account/receipts/{number}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/account/sign-in", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // Paul has every receipt; a later download is a copy with the same number.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(20, 9)));
        using (var paul = await Factory.TherapistAsync())
        {
            var copy = await PaymentArrange.PdfTextAsync(await paul.GetAsync($"/admin/payments/receipts/{number}"));
            Assert.Contains($"RECEIPT {label} (COPY)", copy, StringComparison.Ordinal);
            Assert.Contains("£65.00", copy, StringComparison.Ordinal);
        }

        // Long after the visit the manage link has expired: it shows the expiry page, not the receipt.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 10).AddDays(45)));
        using (var old = await anyone.GetAsync($"/bookings/{visitA.Token}/receipt"))
        {
            Assert.NotEqual("application/pdf", old.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Rita", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Erasure keeps the payment and its receipt, with the name replaced.
        await using (var scope = Factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(visitA.ClientId, "test");
        }

        var kept = await PaymentArrange.PaymentAsync(Factory, visitA.Id);
        Assert.Equal((65m, number), (kept.AmountGbp, kept.ReceiptNumber!.Value));
        using (var paul = await Factory.TherapistAsync())
        {
            var erased = await PaymentArrange.PdfTextAsync(await paul.GetAsync($"/admin/payments/receipts/{number}"));
            Assert.Contains(PrivacyService.ErasedName, erased, StringComparison.Ordinal);
            Assert.DoesNotContain("Rita", erased, StringComparison.Ordinal);
            var csv = await paul.GetStringAsync("/admin/reports/paid.csv?month=2027-03");
            Assert.Contains($"\"{label}\"", csv, StringComparison.Ordinal);
            Assert.Contains(PrivacyService.ErasedName, csv, StringComparison.Ordinal);
            Assert.DoesNotContain("Rita", csv, StringComparison.Ordinal);
        }
    }
}
