using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Infrastructure.Logging;

public sealed class TheLogFiles : IDisposable
{
    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private string ReadLogs()
    {
        var folder = Path.Combine(_factory.Folder, "logs");
        var files = Directory.GetFiles(folder, "*.log");
        Assert.NotEmpty(files);
        return string.Concat(files.Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    [Fact]
    public async Task never_hold_a_clients_name_contact_details_health_answers_or_manage_token()
    {
        var visit = new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc),
            Name = "Xanthippe Loggerhead",
            Email = "Xanthippe.Loggerhead@example.com",
            Phone = "07700 900777",
            AddressLine1 = "77 Quietwater Lane",
            AccessNotes = "Key safe code 9182",
            MainComplaint = "Pinching pain by the left shoulder blade since moving house",
            MedicalHistory = "Slipped disc in my twenties",
            Contraindications = ["BloodThinners"],
        };

        // A stored request, its manage page, a cancellation, a form with a mistake and a red flag.
        var token = (await BookingFlow.BookAsync(_factory, visit)).Token;
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bookings/" + token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPost.PostAsync(client, "/bookings/" + token, $"/bookings/{token}/cancel", [])).StatusCode);
        var second = visit with { StartUtc = new DateTime(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(HttpStatusCode.OK, (await BookingFlow.SubmitAsync(client, second, second.Fields().Where(f => f.Key != "ConsentToHealthData"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BookingFlow.SubmitAsync(client, second with { RedFlags = ["SaddleNumbness"], NoRedFlags = false })).StatusCode);
        var reference = await _factory.WithDbAsync(db => Task.FromResult(db.Appointments.Single().Reference));

        var logs = ReadLogs();

        // The logs are this practice's and say what happened, by reference...
        Assert.Contains($"Booking {reference} requested", logs, StringComparison.Ordinal);
        Assert.Contains($"Booking {reference} cancelled by the client", logs, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /bookings/*** responded 200", logs, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /bookings/***/cancel responded 302", logs, StringComparison.Ordinal);
        Assert.Contains("A booking request was stopped by screening", logs, StringComparison.Ordinal);

        // ...and nothing that identifies the client or describes their health.
        string[] secrets =
        [
            token, visit.Name, "Xanthippe", "Loggerhead", visit.Email, visit.Email.ToUpperInvariant(), visit.Email.ToLowerInvariant(),
            visit.Phone, visit.Phone.Replace(" ", string.Empty, StringComparison.Ordinal), visit.AddressLine1, visit.AccessNotes,
            visit.MainComplaint, "shoulder blade", visit.MedicalHistory, "Slipped disc", "BloodThinners", "SaddleNumbness",
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase));
    }
}
