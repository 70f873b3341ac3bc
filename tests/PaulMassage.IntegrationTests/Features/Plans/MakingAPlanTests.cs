using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>Paul makes a client's plan after a visit: from the visit, the day agenda or the client's record, in a few taps.</summary>
public sealed class MakingAPlan(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    /// <summary>The plan form as Paul's browser would post it, with these self-help items ticked (and notes).</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient paul, int visitId, Func<string, string?>? note = null, params string[] tick) =>
        await FormAsync(paul, $"/admin/visits/{visitId}/plan", note, tick);

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient paul, string url, Func<string, string?>? note, params string[] tick)
    {
        var page = await (await paul.GetAsync(url)).ReadHtmlAsync();
        var form = page.QuerySelector("#plan-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea").Cast<AngleSharp.Dom.IElement>())
        {
            var name = input.GetAttribute("name");
            if (name is null || name == "__RequestVerificationToken")
            {
                continue;
            }

            if (input is IHtmlInputElement { Type: "checkbox" } box)
            {
                var label = page.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim();
                if (box.IsChecked || tick.Contains(label))
                {
                    fields.Add(new(name, "true"));
                }

                continue;
            }

            var value = input is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)input).Value;
            if (name.EndsWith(".Note", StringComparison.Ordinal) && note is not null)
            {
                var title = input.GetAttribute("aria-label")!["Personal note for ".Length..];
                value = note(title) ?? value;
            }

            fields.Add(new(name, value ?? string.Empty));
        }

        return fields;
    }

    [Fact]
    public async Task starts_from_the_intakes_recommendation_and_is_saved_with_two_exercises_and_a_note_from_the_day_agenda()
    {
        var visit = await Factory.VisitAsync("first.plan@client.example", Visits.March(1, 7), AppointmentStatus.Confirmed, name: "Fiona First");
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var agenda = await paul.GetStringAsync("/admin/day?date=2027-03-01");
        Assert.Contains($"href=\"/admin/visits/{visit.Id}/plan?returnUrl=%2Fadmin%2Fday%3Fdate%3D2027-03-01\"", agenda, StringComparison.Ordinal);
        var form = Text(await paul.GetStringAsync($"/admin/visits/{visit.Id}/plan"));
        Assert.Contains(ServiceRecommender.Explain(PainFeeling.MuscleAcheOrTension)[0].Reason, form, StringComparison.Ordinal);
        Assert.Contains("the recommendation from the client's intake answers", form, StringComparison.Ordinal);

        var fields = await FormAsync(paul, $"/admin/visits/{visit.Id}/plan?returnUrl=%2Fadmin%2Fday%3Fdate%3D2027-03-01", t => t == "Knee hugs" ? "Left side only" : null, "Knee hugs", "Cat and cow");
        var saved = await FormPost.PostAsync(paul, $"/admin/visits/{visit.Id}/plan", $"/admin/visits/{visit.Id}/plan", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/day?date=2027-03-01", saved.Headers.Location!.OriginalString);
        var plan = await Factory.WithDbAsync(db => db.CarePlans.AsNoTracking().Include(p => p.Techniques).Include(p => p.Items).ThenInclude(i => i.SelfHelpItem).SingleAsync(p => p.AppointmentId == visit.Id));
        Assert.Equal(["Knee hugs", "Cat and cow"], plan.Items.OrderBy(i => i.SortOrder).Select(i => i.SelfHelpItem!.Title).OrderByDescending(t => t));
        Assert.Equal("Left side only", plan.Items.Single(i => i.SelfHelpItem!.Title == "Knee hugs").Note);
        Assert.Equal(2, plan.Techniques.Count(t => t.Planned)); // deep tissue and trigger point, as the intake suggested
        var record = Text(await paul.GetStringAsync($"/admin/clients/{visit.ClientId}"));
        Assert.Contains("Plan after the visit of Monday 1 March 2027", record, StringComparison.Ordinal);
        Assert.Contains("Paul's note for you: Left side only", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_plan_after_a_later_visit_is_a_new_version_that_starts_from_the_last_and_keeps_it_in_the_history()
    {
        var first = await Factory.VisitAsync("versions@client.example", new DateTime(2027, 2, 15, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Vera Versions");
        var second = await Factory.VisitAsync("versions@client.example", new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed);
        await Factory.PlanAsync(first, "First reason.", ("Knee hugs", "Gently"));
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var form = await paul.GetStringAsync($"/admin/visits/{second.Id}/plan");
        Assert.Contains("the plan of 15 February 2027", form, StringComparison.Ordinal);
        Assert.Contains("First reason.", form, StringComparison.Ordinal);
        Assert.Contains("this will be version 2", form, StringComparison.Ordinal);
        var saved = await FormPost.PostAsync(paul, $"/admin/visits/{second.Id}/plan", $"/admin/visits/{second.Id}/plan",
            await FormAsync(paul, second.Id, null, "Pelvic tilts"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/admin/clients/{first.ClientId}#plans", saved.Headers.Location!.OriginalString);

        var plans = await Factory.WithDbAsync(db => db.CarePlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.SelfHelpItem).Where(p => p.ClientId == first.ClientId).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([first.Id, second.Id], plans.Select(p => p.AppointmentId));
        Assert.Equal(["Knee hugs"], plans[0].Items.Select(i => i.SelfHelpItem!.Title));
        Assert.Equal(["Knee hugs", "Pelvic tilts"], plans[1].Items.Select(i => i.SelfHelpItem!.Title).Order());
        var record = Text(await paul.GetStringAsync($"/admin/clients/{first.ClientId}"));
        Assert.Contains("Version 2", record, StringComparison.Ordinal);
        Assert.Contains("Version 1, after the visit of 15 February 2027", record, StringComparison.Ordinal);

        // Saving the second visit's plan again corrects that version: still two.
        await FormPost.PostAsync(paul, $"/admin/visits/{second.Id}/plan", $"/admin/visits/{second.Id}/plan", await FormAsync(paul, second.Id, null, "Child's pose"));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.CarePlans.CountAsync(p => p.ClientId == first.ClientId)));
    }

    [Fact]
    public async Task a_ticked_treatment_without_a_reason_gets_a_message_beside_it_and_keeps_what_was_ticked()
    {
        var visit = await Factory.VisitAsync("no.reason@client.example", new DateTime(2027, 2, 16, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Rory Reason");
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var fields = (await FormAsync(paul, visit.Id, t => t == "Cat and cow" ? "Slowly, mornings" : null, "Cat and cow"))
            .Select(f => f.Key == "Techniques[1].Reason" ? new KeyValuePair<string, string>(f.Key, "") : f).ToList();

        var response = await FormPost.PostAsync(paul, $"/admin/visits/{visit.Id}/plan", $"/admin/visits/{visit.Id}/plan", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("Say in a sentence why", page.QuerySelector("[id='Techniques[1].Reason-error']")!.TextContent, StringComparison.Ordinal);
        var catAndCow = page.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Cat and cow").GetAttribute("for");
        Assert.True(((IHtmlInputElement)page.QuerySelector($"#{catAndCow}")!).IsChecked);
        Assert.Contains("value=\"Slowly, mornings\"", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.CarePlans.AnyAsync(p => p.AppointmentId == visit.Id)));
    }

    [Fact]
    public async Task a_visit_that_has_not_happened_yet_gets_no_plan_and_no_link()
    {
        var visit = await Factory.VisitAsync("not.yet@client.example", Visits.March(4, 10), AppointmentStatus.Confirmed, name: "Nat Notyet");
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        Assert.DoesNotContain("make-plan", await paul.GetStringAsync($"/admin/requests/{visit.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"plan-{visit.Id}", await paul.GetStringAsync("/admin/day?date=2027-03-04"), StringComparison.Ordinal);

        var response = await FormPost.PostAsync(paul, $"/admin/visits/{visit.Id}/plan", $"/admin/visits/{visit.Id}/plan", await FormAsync(paul, visit.Id, null, "Knee hugs"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("once the visit has started", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.CarePlans.AnyAsync(p => p.AppointmentId == visit.Id)));
    }

    [Fact]
    public async Task the_visit_page_and_the_client_record_link_to_the_plan_of_a_visit_that_took_place()
    {
        var visit = await Factory.VisitAsync("links@client.example", new DateTime(2027, 2, 17, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Lina Links");
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        Assert.Contains($"href=\"/admin/visits/{visit.Id}/plan\"", await paul.GetStringAsync($"/admin/requests/{visit.Id}"), StringComparison.Ordinal);
        Assert.Contains("Make the client's plan", Text(await paul.GetStringAsync($"/admin/clients/{visit.ClientId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync("/admin/visits/999999/plan")).StatusCode);
    }
}
