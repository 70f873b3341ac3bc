using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>Paul hears of what clients do on their own: by e-mail, and on /admin until he ticks it off.</summary>
public sealed partial class PaulIsTold(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task when_a_client_accepts_the_time_he_proposed_and_sees_it_on_admin_until_he_marks_it_seen()
    {
        var name = $"Alma Accepts {Guid.NewGuid():N}"[..22];
        var visit = await Visits.RequestAsync(Factory, Visits.March(4, 10), name);
        using var therapist = await Factory.TherapistAsync();
        await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/propose",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Start", Visits.March(11, 14).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        using var client = Factory.Browser(followRedirects: true);

        await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/accept-proposed-time");

        var toPaul = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.TherapistAccepted));
        Assert.Equal($"Accepted by the client: {visit.Reference}, confirmed for Thu 11 Mar 14:00", toPaul.Subject);
        Assert.Equal(await TherapistAddressAsync(), toPaul.ToAddress);
        Assert.Single(await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.Confirmed).ToListAsync()));

        var changes = ChangesSection(await therapist.GetStringAsync("/admin"));
        Assert.Contains($"{name} accepted the time you proposed", changes, StringComparison.Ordinal);
        Assert.Contains($"/admin/requests/{visit.Id}", changes, StringComparison.Ordinal);

        var upTo = UpToTicks().Match(changes).Groups[1].Value;
        using var seen = await Sessions.PostAsync(therapist, "/admin", "/admin/client-changes/seen", ("upToTicks", upTo));
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.DoesNotContain(name, ChangesSection(await therapist.GetStringAsync("/admin")), StringComparison.Ordinal);
        Assert.Contains("Client changes since you last looked", await therapist.GetStringAsync("/admin"), StringComparison.Ordinal);

        // A later change shows again.
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var cancel = await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/cancel"))
        {
            Assert.Contains("Your visit is cancelled.", await cancel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains($"{name} cancelled", ChangesSection(await therapist.GetStringAsync("/admin")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task when_a_client_asks_for_erasure_with_the_legal_deadline_and_no_personal_data_in_the_email()
    {
        var email = $"ezra-{Guid.NewGuid():N}@test.example";
        var name = $"Ezra Erase {Guid.NewGuid():N}"[..18];
        var starts = await Factory.FreeStartsAsync(1);
        var booking = await Factory.BookAsync(starts[0], name, email);
        using var client = Factory.Browser();

        using (var ask = await FormPost.PostAsync(client, $"/bookings/{booking.Token}", $"/bookings/{booking.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var requestId = await Factory.WithDbAsync(db => db.Set<ErasureRequest>().Where(r => r.AppointmentId == booking.Id).Select(r => r.Id).SingleAsync());
        var due = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(1).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var toPaul = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == NotificationKind.TherapistErasureRequested).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal($"Erasure requested: due by {due}", toPaul.Subject);
        Assert.Equal(await TherapistAddressAsync(), toPaul.ToAddress);
        foreach (var secret in new[] { name, email, booking.Reference })
        {
            Assert.DoesNotContain(secret, toPaul.Subject + toPaul.TextBody + toPaul.HtmlBody + toPaul.ReplyTo, StringComparison.Ordinal);
        }

        using var therapist = await Factory.TherapistAsync();
        var admin = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin"));
        Assert.Contains("id=\"erasure-notice\"", admin, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/erasure-requests#erasure-{requestId}\">{name}</a>: Due by", admin, StringComparison.Ordinal);
        Assert.Contains($"{name} asked to erase booking {booking.Reference}", ChangesSection(admin), StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/erasure-requests"));
        Assert.Matches($"id=\"erasure-{requestId}-deadline\">Due by [A-Z][a-z]{{2}} {Regex.Escape(due)} \\(\\d+ days left\\)<", list);
    }

    // The bodies are cleared once sent (the sender runs in the background): the words are checked in
    // the templates' unit tests, and the template takes no name, address or reference to put in them.
    private async Task<string> TherapistAddressAsync()
    {
        await using var scope = Factory.Scope();
        return scope.ServiceProvider.GetRequiredService<Outbox>().TherapistAddress;
    }

    private static string ChangesSection(string html)
    {
        var start = html.IndexOf("id=\"client-changes\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The /admin page has no client changes section.");
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]);
    }

    [GeneratedRegex("name=\"upToTicks\" value=\"(\\d+)\"")]
    private static partial Regex UpToTicks();
}
