using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>Marking a visit completed or a no-show, which is only possible once it has started.</summary>
public sealed class TheVisitOutcome(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task a_visit_can_be_marked_completed_or_a_no_show_only_after_it_has_started()
    {
        var completed = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(2, 10));
        var missed = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(2, 12));
        var therapist = await Factory.TherapistAsync();

        var early = await Sessions.PostAsync(therapist, "/admin", $"/admin/visits/{completed.Id}/complete",
            ("Version", await Visits.VersionAsync(Factory, completed.Id)), ("ReturnUrl", "/admin/day?date=2027-03-02"));
        Assert.Equal("This visit has not started yet (Tuesday 2 March at 10:00), so it cannot be marked completed.",
            Sessions.AdminMessage(await early.Content.ReadAsStringAsync()));
        Assert.Equal(AppointmentStatus.Confirmed, (await Visits.LoadAsync(Factory, completed.Id)).Status);
        Assert.DoesNotContain($"id=\"complete-{completed.Id}\"", await therapist.GetStringAsync("/admin/day?date=2027-03-02"), StringComparison.Ordinal);

        // A day later; his sign-in from yesterday has expired, so he signs in again.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 12, 5)));
        therapist.Dispose();
        therapist = await Factory.TherapistAsync();
        var day = await therapist.GetStringAsync("/admin/day?date=2027-03-02");
        Assert.Contains($"id=\"complete-{completed.Id}\"", day, StringComparison.Ordinal);
        Assert.Contains($"id=\"no-show-{missed.Id}\"", day, StringComparison.Ordinal);

        var done = await Sessions.PostAsync(therapist, $"/admin/visits/{completed.Id}/complete?returnUrl=%2Fadmin%2Fday%3Fdate%3D2027-03-02", $"/admin/visits/{completed.Id}/complete",
            ("Version", await Visits.VersionAsync(Factory, completed.Id)), ("ReturnUrl", "/admin/day?date=2027-03-02"),
            ("Amount", "70"), ("Payment", "paid"), ("Method", "Cash"), ("Note.PainScore", "3"), ("Note.Subjective", "Easier today"));
        Assert.Equal("/admin/day", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith($"Marked {completed.Reference} (Ann Example) as completed. £70 paid by cash, receipt R-", Sessions.AdminMessage(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var noShow = await Sessions.PostAsync(therapist, "/admin/day?date=2027-03-02", $"/admin/visits/{missed.Id}/no-show",
            ("Version", await Visits.VersionAsync(Factory, missed.Id)), ("ReturnUrl", "/admin/day?date=2027-03-02"));
        Assert.Equal($"Marked {missed.Reference} (Ann Example) as a no-show.", Sessions.AdminMessage(await noShow.Content.ReadAsStringAsync()));

        var stored = await Visits.LoadAsync(Factory, completed.Id);
        Assert.Equal(AppointmentStatus.Completed, stored.Status);
        var last = stored.History.OrderBy(e => e.Id).Last();
        Assert.Equal((AppointmentStatus.Confirmed, AppointmentStatus.Completed, PracticeAppFactory.TherapistEmail), (last.FromStatus!.Value, last.ToStatus, last.Actor));
        Assert.Equal(AppointmentStatus.NoShow, (await Visits.LoadAsync(Factory, missed.Id)).Status);
        therapist.Dispose();
    }

    [Fact]
    public async Task only_a_confirmed_visit_can_be_marked()
    {
        var request = await Visits.RequestAsync(Factory, Visits.March(4, 10));
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/visits/{request.Id}/complete", ("Version", await Visits.VersionAsync(Factory, request.Id)));

        Assert.Equal("Only a confirmed visit can be marked completed: this one is waiting for your answer.", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()));
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, request.Id)).Status);
    }

    [Fact]
    public async Task a_return_address_outside_the_back_office_is_ignored()
    {
        var request = await Visits.RequestAsync(Factory, Visits.March(4, 14));
        using var therapist = await Factory.TherapistAsync(followRedirects: false);

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{request.Id}/confirm",
            ("Version", await Visits.VersionAsync(Factory, request.Id)), ("ReturnUrl", "https://evil.example/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/requests/{request.Id}", response.Headers.Location!.OriginalString);
    }
}
