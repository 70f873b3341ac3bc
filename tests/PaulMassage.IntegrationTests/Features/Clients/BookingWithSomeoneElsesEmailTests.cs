using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Clients;

/// <summary>
/// A stranger books a home visit without signing in, giving the e-mail address of an existing
/// client (in another letter case). They must see nothing of that client's and change nothing of
/// theirs; the address's owner can prove a booking is theirs or say it was not; Paul decides what joins.
/// Each test has a practice of its own.
/// </summary>
public sealed class ABookingWithSomeoneElsesEmail : IDisposable
{
    private const string VictimEmail = "vera.victim@test.example";
    private const string VictimPhone = "07700 900111";
    private const string VictimGoal = "Vera's goal: lift her grandson without back pain";
    private const string VictimNote = "Vera's private note about her sciatica";
    private const string VictimComplaint = "Vera's own sore lower back";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Vera: two visits (one done, with notes and a pain score), a course of treatment and an account.</summary>
    private async Task<(ArrangedVisit Past, ArrangedVisit Upcoming, string UserId)> VeraAsync(DateTime upcomingStart)
    {
        var past = await _factory.VisitAsync(VictimEmail, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Vera Victim", phone: VictimPhone, complaint: VictimComplaint);
        var upcoming = await _factory.VisitAsync(VictimEmail, upcomingStart, name: "Vera Victim", phone: VictimPhone, complaint: VictimComplaint);
        await _factory.WithDbAsync(async db =>
        {
            var serviceId = await db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync();
            db.Courses.Add(new CourseOfTreatment
            {
                ClientId = past.ClientId, ServiceId = serviceId, SessionMinutes = 60, Sessions = 6, IntervalDays = 14,
                Goal = VictimGoal, StartDate = new DateOnly(2027, 2, 20), CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            db.TreatmentNotes.Add(new PaulMassage.Web.Features.Clients.TreatmentNote
            {
                AppointmentId = past.Id, Subjective = VictimNote, PainScore = 7, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var userId = await _factory.ClientAccountAsync(VictimEmail);
        return (past, upcoming, userId);
    }

    private Task<ArrangedVisit> StrangerBooksAsync(DateTime start) =>
        _factory.BookAsync(start, "Sam Stranger", "VERA.Victim@TEST.example", f =>
        {
            f["Phone"] = "07700 900999";
            f["Intake.MainComplaint"] = "Sam's stiff shoulders";
        });

    [Fact]
    public async Task sees_nothing_of_the_clients_through_its_manage_page_or_export()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);

        var sam = await StrangerBooksAsync(starts[1]);

        using var anyone = _factory.Browser();
        var page = await anyone.GetStringAsync($"/bookings/{sam.Token}");
        Assert.Contains(sam.Reference, page, StringComparison.Ordinal);
        foreach (var secret in new[] { "Vera", VictimGoal, "pain-chart", vera.Past.Reference, vera.Upcoming.Reference, VictimPhone })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        var export = await anyone.GetStringAsync($"/bookings/{sam.Token}/my-data");
        using (var json = JsonDocument.Parse(export))
        {
            Assert.Equal([sam.Reference], json.RootElement.GetProperty("appointments").EnumerateArray().Select(a => a.GetProperty("reference").GetString()));
            Assert.Equal("Sam Stranger", json.RootElement.GetProperty("client").GetProperty("name").GetString());
            Assert.False(json.RootElement.GetProperty("other").GetProperty("treatmentRecords").TryGetProperty("coursesOfTreatment", out _));
        }

        foreach (var secret in new[] { "Vera", "lift her grandson", "sciatica", VictimComplaint, vera.Past.Reference, vera.Upcoming.Reference, VictimPhone })
        {
            Assert.DoesNotContain(secret, export, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task changes_nothing_of_the_clients_record_account_or_day_agenda()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);

        var sam = await StrangerBooksAsync(starts[1]);

        var records = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.NormalizedEmail == "VERA.VICTIM@TEST.EXAMPLE").OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        var (veraRecord, samRecord) = (records[0], records[1]);
        Assert.Equal(("Vera Victim", VictimPhone, vera.UserId, false), (veraRecord.Name, veraRecord.Phone, veraRecord.UserId, veraRecord.Provisional));
        Assert.Equal(("Sam Stranger", "07700 900999", (string?)null, true), (samRecord.Name, samRecord.Phone, samRecord.UserId, samRecord.Provisional));
        Assert.Equal(samRecord.Id, sam.ClientId);

        // Vera's account shows her visits only.
        using var veraBrowser = await _factory.SignedInAsync(VictimEmail);
        var account = await veraBrowser.GetStringAsync("/account");
        Assert.Contains(vera.Upcoming.Reference, account, StringComparison.Ordinal);
        Assert.DoesNotContain(sam.Reference, account, StringComparison.Ordinal);

        // Paul's day: each visit calls its own booker.
        using var paul = await _factory.TherapistAsync(followRedirects: false);
        await ConfirmAsync(paul, sam.Id);
        foreach (var (start, name, phone, other) in new[] { (starts[0], "Vera Victim", VictimPhone, "07700 900999"), (starts[1], "Sam Stranger", "07700 900999", VictimPhone) })
        {
            var day = TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var agenda = WebUtility.HtmlDecode(await paul.GetStringAsync($"/admin/day?date={day}"));
            Assert.Contains(name, agenda, StringComparison.Ordinal);
            Assert.Contains("tel:" + phone.Replace(" ", string.Empty, StringComparison.Ordinal), agenda, StringComparison.Ordinal);
            if (starts[0].Date != starts[1].Date)
            {
                Assert.DoesNotContain("tel:" + other.Replace(" ", string.Empty, StringComparison.Ordinal), agenda, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task asks_erasure_of_its_own_booking_only()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);
        var sam = await StrangerBooksAsync(starts[1]);

        using var stranger = _factory.Browser();
        using (var ask = await FormPost.PostAsync(stranger, $"/bookings/{sam.Token}", $"/bookings/{sam.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var request = await _factory.WithDbAsync(db => db.Set<ErasureRequest>().AsNoTracking().SingleAsync());
        Assert.Equal((sam.ClientId, (int?)sam.Id), (request.ClientId, request.AppointmentId));
        using var paul = await _factory.TherapistAsync(followRedirects: false);
        using (var complete = await FormPost.PostAsync(paul, "/admin/erasure-requests", $"/admin/erasure-requests/{request.Id}/complete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        }

        // Vera keeps everything: visits, intake, notes, course, details and account.
        var veraRecord = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).ThenInclude(a => a.Intake).SingleAsync(c => c.Id == vera.Past.ClientId));
        Assert.Equal(("Vera Victim", VictimPhone, VictimEmail, vera.UserId), (veraRecord.Name, veraRecord.Phone, veraRecord.Email, veraRecord.UserId));
        Assert.Null(veraRecord.ErasedUtc);
        Assert.All(veraRecord.Appointments, a => Assert.NotNull(a.Intake));
        Assert.Contains(veraRecord.Appointments, a => a.Id == vera.Upcoming.Id && a.Status == AppointmentStatus.Confirmed);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Courses.CountAsync(c => c.ClientId == veraRecord.Id)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.TreatmentNotes.CountAsync(n => n.AppointmentId == vera.Past.Id)));
        await using (var scope = _factory.Scope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(vera.UserId));
        }

        // Sam's booking and record are what was erased.
        var samRecord = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == sam.ClientId));
        Assert.Equal(PrivacyService.ErasedName, samRecord.Name);
        Assert.Equal(AppointmentStatus.Cancelled, await _factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == sam.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task joins_the_clients_record_when_the_owner_proves_the_address_with_the_same_details()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);
        var booked = await _factory.BookAsync(starts[1], "Vera Victim", "vera.victim@TEST.example", f => f["Phone"] = "07700900111");

        // The request e-mail went to the address given, with the two answers and no health data.
        var message = (await MailPickup.ToAsync(_factory, "vera.victim@TEST.example")).Single(m => m.Subject!.Contains(booked.Reference, StringComparison.Ordinal));
        Assert.Contains("/address-check/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("This was not me", message.TextBody, StringComparison.Ordinal);

        // Opening the link (as a mail scanner would) answers nothing.
        var link = await AddressCheck.LinkAsync(_factory, "vera.victim@TEST.example", booked.Reference);
        using var reader = _factory.Browser();
        Assert.Contains(booked.Reference, await reader.GetStringAsync(link), StringComparison.Ordinal);
        using (var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, link)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        Assert.Equal(booked.ClientId, await ClientOfAsync(booked.Id));

        using var answered = await _factory.AnswerAsync("vera.victim@TEST.example", booked.Reference);
        Assert.Contains("now belongs with your e-mail address", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(vera.Past.ClientId, await ClientOfAsync(booked.Id));
        Assert.False(await _factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.Id == booked.ClientId)));

        using var veraBrowser = await _factory.SignedInAsync(VictimEmail);
        Assert.Contains(booked.Reference, await veraBrowser.GetStringAsync("/account"), StringComparison.Ordinal);

        // The link answers once.
        using var again = await reader.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link is no longer valid", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task becomes_the_addresss_record_when_proven_and_none_exists_then_joins_the_account()
    {
        var start = (await _factory.FreeStartsAsync(1))[0];
        var booked = await _factory.BookAsync(start, "Nina New", "nina.new@test.example");
        await _factory.ClientAccountAsync("nina.new@test.example");
        using var nina = await _factory.SignedInAsync("nina.new@test.example");
        Assert.DoesNotContain(booked.Reference, await nina.GetStringAsync("/account"), StringComparison.Ordinal);

        await _factory.ProveAddressAsync("nina.new@test.example", booked.Reference);

        var record = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == booked.ClientId));
        Assert.False(record.Provisional);
        Assert.NotNull(record.EmailProvenUtc);
        Assert.NotNull(record.UserId);
        Assert.Contains(booked.Reference, await nina.GetStringAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_other_details_waits_for_paul_who_links_it_and_chooses_the_details_to_keep()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);
        var sam = await StrangerBooksAsync(starts[1]);
        using var paul = await _factory.TherapistAsync(followRedirects: false);

        // /admin flags the request; its page shows both records' details side by side.
        var admin = WebUtility.HtmlDecode(await paul.GetStringAsync("/admin"));
        Assert.Contains("E-mail not confirmed", admin, StringComparison.Ordinal);
        var page = await (await paul.GetAsync($"/admin/requests/{sam.Id}")).ReadHtmlAsync();
        var identity = page.QuerySelector("#client-identity")!.TextContent;
        Assert.Contains("an existing client", identity, StringComparison.Ordinal);
        Assert.Contains("Vera Victim", identity, StringComparison.Ordinal);
        Assert.Contains("Sam Stranger", identity, StringComparison.Ordinal);
        Assert.Contains("07700 900999", identity, StringComparison.Ordinal);

        // The owner proves the address: with details that differ, it still waits for Paul.
        await _factory.ProveAddressAsync("VERA.Victim@TEST.example", sam.Reference);
        Assert.Equal(sam.ClientId, await ClientOfAsync(sam.Id));
        Assert.Contains("E-mail confirmed, not linked", WebUtility.HtmlDecode(await paul.GetStringAsync("/admin")), StringComparison.Ordinal);

        // A plan already given at the booking's visit must move with it, not block the link.
        await _factory.WithDbAsync(async db =>
        {
            var serviceId = await db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync();
            db.CarePlans.Add(CarePlan.Give(sam.ClientId, sam.Id, new PlanContent([new PlannedTechnique(serviceId, true, true, "Tight lower back.")], []), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        // Paul links it, keeping the record's name and taking the booking's phone.
        using var linked = await FormPost.PostAsync(paul, $"/admin/requests/{sam.Id}", $"/admin/requests/{sam.Id}/link-client",
        [
            new("AddressRecordId", vera.Past.ClientId.ToString(CultureInfo.InvariantCulture)), new("NameFromBooking", "false"), new("PhoneFromBooking", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(vera.Past.ClientId, await ClientOfAsync(sam.Id));
        var record = await _factory.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == vera.Past.ClientId));
        Assert.Equal(("Vera Victim", "07700 900999", vera.UserId), (record.Name, record.Phone, record.UserId));
        Assert.False(await _factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.Id == sam.ClientId)));
        Assert.Equal(vera.Past.ClientId, await _factory.WithDbAsync(db => db.CarePlans.Where(p => p.AppointmentId == sam.Id).Select(p => p.ClientId).SingleAsync()));
        Assert.Null((await (await paul.GetAsync($"/admin/requests/{sam.Id}")).ReadHtmlAsync()).QuerySelector("#client-identity"));
    }

    [Fact]
    public async Task that_was_not_the_owner_is_flagged_for_paul_and_the_link_is_used_up()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);
        var sam = await StrangerBooksAsync(starts[1]);

        using var answered = await _factory.AnswerAsync("VERA.Victim@TEST.example", sam.Reference, itWasMe: false);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("has been told that you did not ask for this visit", WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(await _factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == sam.Id).Select(a => a.DisownedUtc).SingleAsync()));
        var toPaul = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == NotificationKind.TherapistNotMe));
        Assert.Equal(sam.Id, toPaul.AppointmentId);
        Assert.StartsWith("[Not me]", toPaul.Subject, StringComparison.Ordinal);

        using var paul = await _factory.TherapistAsync(followRedirects: false);
        Assert.Contains("Not me, says the address", WebUtility.HtmlDecode(await paul.GetStringAsync("/admin")), StringComparison.Ordinal);
        Assert.Contains("said they did not ask for this visit", WebUtility.HtmlDecode(await paul.GetStringAsync($"/admin/requests/{sam.Id}")), StringComparison.Ordinal);

        // Neither answer can be given again: the stranger cannot "prove" the address afterwards.
        foreach (var itWasMe in new[] { true, false })
        {
            var link = await AddressCheck.LinkAsync(_factory, "VERA.Victim@TEST.example", sam.Reference, notMe: !itWasMe);
            using var visitor = _factory.Browser();
            using var page = await visitor.GetAsync(link);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // A booking the address's owner disowned never joins their record, even by mistake.
        using (var linked = await FormPost.PostAsync(paul, $"/admin/requests/{sam.Id}", $"/admin/requests/{sam.Id}/link-client",
            [new("AddressRecordId", vera.Past.ClientId.ToString(CultureInfo.InvariantCulture))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        Assert.True(await _factory.WithDbAsync(db => db.Clients.Where(c => c.Id == sam.ClientId).Select(c => c.Provisional).SingleAsync()));
        Assert.Equal(sam.ClientId, await ClientOfAsync(sam.Id));
    }

    [Fact]
    public async Task signed_in_books_with_the_accounts_confirmed_address_whatever_is_typed()
    {
        var starts = await _factory.FreeStartsAsync(2);
        var vera = await VeraAsync(starts[0]);
        using var veraBrowser = await _factory.SignedInAsync(VictimEmail);

        // The form is filled in from her record, and the address is the account's.
        var form = await (await veraBrowser.GetAsync(SecurityScenario.DetailsPage(starts[1]))).ReadHtmlAsync();
        Assert.Equal("Vera Victim", form.FieldValue("Name"));
        Assert.Equal(VictimPhone, form.FieldValue("Phone"));
        Assert.Equal(VictimEmail, form.FieldValue("Email"));

        using var response = await SecurityScenario.PostBookingAsync(veraBrowser, starts[1], SecurityScenario.ValidBookingFields(starts[1], "Vera Victim", "somebody.else@test.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appointment = await _factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Client).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(vera.Past.ClientId, appointment.ClientId);
        Assert.Null(appointment.EmailCheckTokenHash);
        Assert.False(await _factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "SOMEBODY.ELSE@TEST.EXAMPLE")));
        var received = (await MailPickup.ToAsync(_factory, VictimEmail)).Single(m => m.Subject!.Contains(appointment.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain("/address-check/", received.TextBody, StringComparison.Ordinal);
        Assert.Empty(await MailPickup.ToAsync(_factory, "somebody.else@test.example"));
    }

    private Task<int> ClientOfAsync(int appointmentId) =>
        _factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.ClientId).SingleAsync());

    private static async Task ConfirmAsync(HttpClient paul, int appointmentId)
    {
        var page = await (await paul.GetAsync($"/admin/requests/{appointmentId}")).ReadHtmlAsync();
        var version = page.QuerySelector("form[action$='/confirm'] input[name='Version']")!.GetAttribute("value")!;
        using var confirmed = await FormPost.PostAsync(paul, $"/admin/requests/{appointmentId}", $"/admin/requests/{appointmentId}/confirm", [new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }
}
