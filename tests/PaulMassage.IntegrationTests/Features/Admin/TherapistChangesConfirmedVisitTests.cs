using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>Paul moves or cancels a confirmed visit from its page (the client phoned, he is ill).</summary>
public sealed class PaulChangesAConfirmedVisit(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task moves_it_to_an_agreed_time_keeping_it_confirmed_and_telling_the_client()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(9, 10), name: "Mona Moved");
        using var paul = await Factory.TherapistAsync();

        var page = WebUtility.HtmlDecode(await paul.GetStringAsync($"/admin/requests/{visit.Id}?day=2027-03-10"));
        Assert.Contains("id=\"change\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"move-202703101400\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"cancel-visit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"propose\"", page, StringComparison.Ordinal);

        using var moved = await Sessions.PostAsync(paul, $"/admin/requests/{visit.Id}", $"/admin/visits/{visit.Id}/move?day=2027-03-10",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Start", Stamp(Visits.March(10, 14))));

        Assert.Contains("Moved " + visit.Reference, Sessions.AdminMessage(await moved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Equal(Visits.March(10, 14), stored.StartUtc);
        Assert.Equal(SlotClaim.CellsFor(Visits.March(10, 14), Visits.March(10, 15), 30).ToHashSet(), stored.SlotClaims.Select(c => c.CellStartUtc).ToHashSet());
        var email = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.Moved));
        Assert.Equal("REQUEST", email.CalendarMethod);
        Assert.False(await Factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.TherapistMoved)));
    }

    [Fact]
    public async Task may_move_it_next_to_its_own_time()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(11, 10));
        using var paul = await Factory.TherapistAsync();

        // 10:30 overlaps the visit's own time, which does not count against it.
        using var moved = await Sessions.PostAsync(paul, $"/admin/requests/{visit.Id}", $"/admin/visits/{visit.Id}/move",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Start", Stamp(Visits.March(11, 10, 30))));

        Assert.Equal(Visits.March(11, 10, 30), (await Visits.LoadAsync(Factory, visit.Id)).StartUtc);
    }

    [Fact]
    public async Task cancels_it_with_a_message_for_the_client_and_frees_the_time()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(12, 10), name: "Carl Cancelled");
        using var paul = await Factory.TherapistAsync();

        using var cancelled = await Sessions.PostAsync(paul, $"/admin/requests/{visit.Id}", $"/admin/visits/{visit.Id}/cancel",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Reason", "I am unwell; sorry for the short notice."));

        Assert.Contains("Cancelled " + visit.Reference, Sessions.AdminMessage(await cancelled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.Empty(stored.SlotClaims);
        Assert.Contains("I am unwell", stored.History.OrderBy(e => e.Id).Last().Note, StringComparison.Ordinal);
        var email = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.Cancelled));
        Assert.Equal("CANCEL", email.CalendarMethod);
        Assert.False(await Factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.TherapistCancelled)));
    }

    [Fact]
    public async Task does_not_move_or_cancel_a_request_which_is_proposed_another_time_or_declined_instead()
    {
        var request = await Visits.RequestAsync(Factory, Visits.March(15, 10));
        using var paul = await Factory.TherapistAsync();
        var version = await Visits.VersionAsync(Factory, request.Id);

        using var move = await Sessions.PostAsync(paul, $"/admin/requests/{request.Id}", $"/admin/visits/{request.Id}/move", ("Version", version), ("Start", Stamp(Visits.March(16, 10))));
        Assert.Equal("This is a request: propose another time instead, for the client to accept.", Sessions.AdminMessage(await move.Content.ReadAsStringAsync()));
        using var cancel = await Sessions.PostAsync(paul, $"/admin/requests/{request.Id}", $"/admin/visits/{request.Id}/cancel", ("Version", version));
        Assert.Equal("This is a request: decline it instead, with a reason for the client.", Sessions.AdminMessage(await cancel.Content.ReadAsStringAsync()));
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, request.Id)).Status);
    }

    [Fact]
    public async Task refuses_a_change_from_a_stale_page()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(17, 10));
        using var paul = await Factory.TherapistAsync();

        using var cancel = await Sessions.PostAsync(paul, $"/admin/requests/{visit.Id}", $"/admin/visits/{visit.Id}/cancel", ("Version", Guid.NewGuid().ToString()));

        Assert.StartsWith("This visit changed after you opened the page", Sessions.AdminMessage(await cancel.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Confirmed, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
