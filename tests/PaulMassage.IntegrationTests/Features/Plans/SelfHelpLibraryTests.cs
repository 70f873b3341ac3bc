using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Plans;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>The self-help library: seeded in the site's words, edited by Paul in the back office like the articles.</summary>
public sealed class TheSelfHelpLibrary(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private static List<KeyValuePair<string, string>> Fields(
        string title = "Doorway stretch", string kind = "Exercise", string summary = "Opens the chest after a day hunched over a desk.",
        string steps = "Stand in a doorway\nRest your forearms on the frame\nLean gently forward", string drawing = "", string article = "self-help-between-visits",
        string intent = "save") =>
    [
        new("Title", title), new("Kind", kind), new("Summary", summary), new("Steps", steps), new("HowOften", "Three times, twice a day"),
        new("WhenToStop", "If your arms tingle or go numb."), new("Drawing", drawing), new("ArticleSlug", article), new("IsActive", "true"), new("intent", intent),
    ];

    [Fact]
    public async Task is_seeded_with_exercises_self_massage_and_advice_each_with_steps_and_the_drawings_where_they_help()
    {
        var items = await Factory.WithDbAsync(db => db.SelfHelpItems.AsNoTracking().ToListAsync());

        Assert.Contains(items, i => i.Kind == SelfHelpKind.Exercise && i.Drawing == "knee-hug" && i.HowOften is not null && i.WhenToStop is not null);
        Assert.Contains(items, i => i.Kind == SelfHelpKind.SelfMassage && i.Title == "Tennis ball against a wall" && i.ArticleSlug == "self-help-between-visits");
        Assert.Contains(items, i => i.Kind == SelfHelpKind.Advice && i.Title == "Your work set-up");
        Assert.Contains(items, i => i.Kind == SelfHelpKind.Advice && i.Title == "Drinking enough water");
        Assert.All(items, i => Assert.True(i.StepList.Count >= 3, i.Title));
        var articles = await Factory.WithDbAsync(db => db.Articles.Select(a => a.Slug).ToListAsync());
        Assert.All(items.Where(i => i.ArticleSlug is not null), i => Assert.Contains(i.ArticleSlug, articles));
    }

    [Fact]
    public async Task is_reached_from_the_settings_and_lists_every_item()
    {
        using var paul = await Factory.TherapistAsync();

        var settings = await paul.GetStringAsync("/admin/settings");
        Assert.Contains("href=\"/admin/settings/self-help\"", settings, StringComparison.Ordinal);
        var list = Text(await paul.GetStringAsync("/admin/settings/self-help"));
        Assert.Contains("Knee hugs", list, StringComparison.Ordinal);
        Assert.Contains("Sleeping position", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_new_item_is_previewed_as_the_client_sees_it_with_its_drawing_inline_then_saved()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);

        var preview = await FormPost.PostAsync(paul, "/admin/settings/self-help/new", "/admin/settings/self-help/new", Fields(drawing: "childs-pose", intent: "preview"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<svg class=\"self-help-drawing\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>Rest your forearms on the frame</li>", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.SelfHelpItems.AnyAsync(i => i.Title == "Doorway stretch")));

        var saved = await FormPost.PostAsync(paul, "/admin/settings/self-help/new", "/admin/settings/self-help/new", Fields(drawing: "childs-pose"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await Factory.WithDbAsync(db => db.SelfHelpItems.AsNoTracking().SingleAsync(i => i.Title == "Doorway stretch"));
        Assert.Equal((SelfHelpKind.Exercise, "childs-pose", "self-help-between-visits", true), (item.Kind, item.Drawing, item.ArticleSlug, item.IsActive));
        Assert.Equal(3, item.StepList.Count);
    }

    [Fact]
    public async Task bad_input_gets_a_message_beside_the_field_and_keeps_what_was_typed()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var id = await Factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Title == "Pelvic tilts").Select(i => i.Id).SingleAsync());

        var response = await FormPost.PostAsync(paul, $"/admin/settings/self-help/{id}", $"/admin/settings/self-help/{id}",
            Fields(title: "Pelvic tilts, kept", kind: "Juggling", steps: "", drawing: "../../appsettings", article: "no-such-article"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Write the steps, one a line.", text, StringComparison.Ordinal);
        Assert.Contains("Choose a drawing from the list, or none.", text, StringComparison.Ordinal);
        Assert.Contains("Choose a published article from the list, or none.", text, StringComparison.Ordinal);
        Assert.Contains("Please choose", text, StringComparison.Ordinal); // the kind that is not one
        Assert.Contains("value=\"Pelvic tilts, kept\"", html, StringComparison.Ordinal);
        Assert.Equal("Pelvic tilts", await Factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task an_item_withdrawn_is_kept_and_can_be_offered_again()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var id = await Factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Title == "Handheld massager").Select(i => i.Id).SingleAsync());

        var withdrawn = await FormPost.PostAsync(paul, "/admin/settings/self-help", $"/admin/settings/self-help/{id}/withdraw", []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Id == id).Select(i => i.IsActive).SingleAsync()));
        var visit = await Factory.VisitAsync("withdrawn@client.example", new DateTime(2027, 2, 10, 10, 0, 0, DateTimeKind.Utc), PaulMassage.Web.Features.Booking.AppointmentStatus.Completed, name: "Wanda Withdrawn");
        Assert.DoesNotContain("Handheld massager", await paul.GetStringAsync($"/admin/visits/{visit.Id}/plan"), StringComparison.Ordinal); // not offered for new plans

        await FormPost.PostAsync(paul, "/admin/settings/self-help", $"/admin/settings/self-help/{id}/offer", []);
        Assert.True(await Factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Id == id).Select(i => i.IsActive).SingleAsync()));
    }
}
