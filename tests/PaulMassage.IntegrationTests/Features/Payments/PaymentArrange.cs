using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Payments;
using UglyToad.PdfPig;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>Finishing visits through the back office's one form, and reading what came of it.</summary>
public static class PaymentArrange
{
    /// <summary>Paul finishes a visit that has started: paid by <paramref name="method"/> (or owed when null), with a pain score.</summary>
    public static async Task<HttpResponseMessage> FinishAsync(HttpClient paul, PracticeAppFactory factory, int visitId, string amount = "70", string? method = "Card", int painScore = 4, string subjective = "Lower back easier since last week")
    {
        var fields = new List<(string, string)>
        {
            ("Version", await Visits.VersionAsync(factory, visitId)),
            ("Amount", amount),
            ("Payment", method is null ? "owed" : "paid"),
            ("Note.PainScore", painScore.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Note.Subjective", subjective),
            ("Note.Plan", "Work on the glutes next time"),
        };
        if (method is not null)
        {
            fields.Add(("Method", method));
        }

        return await Sessions.PostAsync(paul, $"/admin/visits/{visitId}/complete", $"/admin/visits/{visitId}/complete", [.. fields]);
    }

    public static Task<Payment> PaymentAsync(PracticeAppFactory factory, int visitId) =>
        factory.WithDbAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.AppointmentId == visitId));

    /// <summary>The words of a PDF, read back with PdfPig, joined by single spaces.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    public static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Saves the payment settings through the back-office form.</summary>
    public static async Task SettingsAsync(PracticeAppFactory factory, string noShowFee = "", string lateFee = "", string address = "12 Example Road\nLondon SE1 7PB", string vatNumber = "")
    {
        using var paul = await factory.TherapistAsync();
        using var saved = await Sessions.PostAsync(paul, "/admin/settings/payments", "/admin/settings/payments",
            ("Cash", "true"), ("Card", "true"), ("BankTransfer", "true"), ("BankDetails", "Paul Massage, sort code 00-00-00, account 12345678"),
            ("DueDaysAfterVisit", "0"), ("NoShowFee", noShowFee), ("LateCancellationFee", lateFee), ("ReceiptAddress", address),
            ("VatNumber", vatNumber), ("VatRatePercent", vatNumber.Length > 0 ? "20" : string.Empty), ("KeepYearsAfterTaxYear", "6"));
        Assert.True(saved.RequestMessage!.RequestUri!.AbsolutePath == "/admin/settings", ClientArrange.Text(await saved.Content.ReadAsStringAsync()));
    }
}
