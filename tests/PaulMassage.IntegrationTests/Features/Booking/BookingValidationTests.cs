using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// Bad input comes back with clear messages and everything typed, and nothing is stored. No test
/// in this class may store anything, so each can check the whole database stayed empty.
/// </summary>
public sealed class ABookingFormWithMistakes(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private static readonly VisitRequest Visit = new() { StartUtc = new DateTime(2027, 3, 2, 11, 0, 0, DateTimeKind.Utc) };

    private PracticeAppFactory Factory => fixture.Factory;

    private async Task<IDocument> SubmitAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await BookingFlow.SubmitAsync(client, Visit, fields);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your details and health", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Clients.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.IntakeAssessments.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.SlotClaims.CountAsync()));
        return page;
    }

    private static List<KeyValuePair<string, string>> Without(string field) =>
        Visit.Fields().Where(f => f.Key != field).ToList();

    private static List<KeyValuePair<string, string>> With(string field, params string[] values) =>
        Visit.Fields().Where(f => f.Key != field).Concat(values.Select(v => new KeyValuePair<string, string>(field, v))).ToList();

    /// <summary>Every value the client typed or ticked is still in the form, except <paramref name="changed"/>.</summary>
    private static void AssertKept(IDocument page, params string[] changed)
    {
        void Text(string field, string expected)
        {
            if (!changed.Contains(field))
            {
                Assert.Equal(expected, page.FieldValue(field));
            }
        }

        void Ticked(string field, IEnumerable<string> expected)
        {
            if (!changed.Contains(field))
            {
                Assert.Equal(expected.Order(StringComparer.Ordinal), page.Checked(field).Order(StringComparer.Ordinal));
            }
        }

        Text("Service", Visit.Service);
        Text("Minutes", "60");
        Text("Postcode", Visit.Postcode);
        Text("Start", Visit.Start);
        Text("Name", Visit.Name);
        Text("Email", Visit.Email);
        Text("Phone", Visit.Phone);
        Text("Address.AddressLine1", Visit.AddressLine1);
        Text("Address.AddressLine2", Visit.AddressLine2);
        Text("Address.Town", Visit.Town);
        Text("Address.AccessNotes", Visit.AccessNotes);
        Text("Intake.MainComplaint", Visit.MainComplaint);
        Text("Intake.MedicalHistory", Visit.MedicalHistory);
        Ticked("Intake.PainAreas", Visit.PainAreas);
        Ticked("Intake.Feelings", Visit.Feelings);
        Ticked("Intake.PainIntensity", [Visit.PainIntensity]);
        Ticked("Intake.Duration", [Visit.Duration]);
        Ticked("Intake.NoRedFlags", ["true"]);
        Ticked("ConsentToHealthData", ["true"]);
        Ticked("AcceptCancellationPolicy", ["true"]);
    }

    public static TheoryData<string, string> RequiredFields => new()
    {
        { "Name", "Enter your name." },
        { "Email", "Enter your e-mail address." },
        { "Phone", "Enter a phone number Paul can reach you on." },
        { "Address.AddressLine1", "Enter the first line of the address." },
        { "Address.Town", "Enter the town or city." },
        { "Intake.MainComplaint", "Tell us in a few words what the problem is." },
        { "Intake.PainAreas", "Choose at least one place where it hurts." },
        { "Intake.PainIntensity", "Choose how strong the pain is, from 0 to 10." },
        { "Intake.Duration", "Choose how long you have had the pain." },
        { "Intake.Feelings", "Choose at least one description of the pain." },
        { "Intake.NoRedFlags", "Tick any of these that apply, or tick \"None of these apply to me\"." },
        { "ConsentToHealthData", "Paul needs your consent to keep this health information before he can treat you." },
        { "AcceptCancellationPolicy", "Please accept the cancellation policy." },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task missing_an_answer_comes_back_with_its_message_and_everything_else_kept(string field, string message)
    {
        var page = await SubmitAsync(Without(field));

        Assert.Equal([message], page.ErrorSummary());
        var errorKey = field == "Intake.NoRedFlags" ? "Intake.RedFlags" : field;
        Assert.Equal(message, page.QuerySelector($"#{errorKey.Replace('.', '_')}-error")?.TextContent.Trim());
        AssertKept(page, field);
    }

    [Fact]
    public async Task missing_the_chosen_time_asks_for_one_and_keeps_everything_else()
    {
        var page = await SubmitAsync(Without("Start"));

        Assert.Contains("Choose a time for the visit.", page.ErrorSummary());
        AssertKept(page, "Start");
    }

    [Theory]
    [InlineData("Email", "annabel.example.com", MailboxAttribute.Message)]
    [InlineData("Email", "annabel@", MailboxAttribute.Message)]
    [InlineData("Email", "victim;attacker@evil.example", MailboxAttribute.Message)]
    [InlineData("Name", "Ann \u202Eevil", UnsafeCharactersFilter.Message)]
    [InlineData("Name", "Ann\u200BSmith", UnsafeCharactersFilter.Message)]
    [InlineData("Intake.MainComplaint", "Sore \u2066back\u2069 since Monday", UnsafeCharactersFilter.Message)]
    [InlineData("Intake.MainComplaint", "\uFEFFSore back", UnsafeCharactersFilter.Message)]
    [InlineData("Phone", "ring me", "Enter a UK phone number, for example 07700 900123.")]
    [InlineData("Phone", "0770", "Enter a UK phone number, for example 07700 900123.")]
    public async Task a_badly_formed_answer_comes_back_as_typed_with_its_message(string field, string typed, string message)
    {
        var page = await SubmitAsync(With(field, typed));

        Assert.Equal([message], page.ErrorSummary());
        var id = field.Replace('.', '_');
        Assert.Equal(message, page.QuerySelector($"#{id}-error")?.TextContent.Trim());
        Assert.Equal(typed, page.FieldValue(field));
        Assert.Equal("true", page.QuerySelector($"#{id}")?.GetAttribute("aria-invalid"));
        AssertKept(page, field);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    public async Task a_pain_intensity_outside_0_to_10_is_refused(string intensity)
    {
        var page = await SubmitAsync(With("Intake.PainIntensity", intensity));

        Assert.Contains("Choose a number from 0 to 10.", page.ErrorSummary());
        Assert.Empty(page.Checked("Intake.PainIntensity"));
        AssertKept(page, "Intake.PainIntensity");
    }

    [Theory]
    [InlineData("Intake.PainAreas", "Elbow")]
    [InlineData("Intake.PainAreas", "4096")]
    [InlineData("Intake.Feelings", "Tickly")]
    [InlineData("Intake.Duration", "Forever")]
    [InlineData("Intake.Duration", "7")]
    [InlineData("Intake.Contraindications", "Gout")]
    [InlineData("Intake.PainIntensity", "very")]
    public async Task an_answer_that_was_never_offered_is_refused_in_plain_words(string field, string value)
    {
        var page = await SubmitAsync(With(field, value));

        var errors = page.ErrorSummary();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.StartsWith("Please choose", StringComparison.Ordinal) && e.Contains("answers offered", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("valid", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(value, e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(field, e, StringComparison.Ordinal));
        AssertKept(page, field);
    }

    [Fact]
    public async Task several_mistakes_are_all_listed_at_once()
    {
        var fields = Visit.Fields().Where(f => f.Key is not ("Name" or "ConsentToHealthData" or "Intake.Feelings")).ToList();

        var page = await SubmitAsync(fields);

        Assert.Equal(3, page.ErrorSummary().Count);
        AssertKept(page, "Name", "ConsentToHealthData", "Intake.Feelings");
    }

    [Fact]
    public async Task typed_markup_is_kept_as_text_and_never_run()
    {
        const string name = "<script>alert('x')</script> O'Brien & \"Sons\"";
        var fields = Visit.Fields().Where(f => f.Key is not ("Name" or "ConsentToHealthData")).Append(new("Name", name)).ToList();
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await BookingFlow.SubmitAsync(client, Visit, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(name, Html.Parse(html).FieldValue("Name"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Minutes", "45", "Deep tissue massage is offered for 60 or 90 minutes.")]
    [InlineData("Minutes", "", "Choose how long the visit should be.")]
    [InlineData("Service", "hot-stones", "Choose one of the treatments listed.")]
    [InlineData("Service", "", "Choose a treatment.")]
    [InlineData("Postcode", "SE1", "Enter a full UK postcode, for example SE1 7PB.")]
    [InlineData("Postcode", "", "Enter the postcode of the address Paul will visit.")]
    public async Task a_treatment_length_or_postcode_changed_behind_the_form_goes_back_to_the_first_step(string field, string value, string message)
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await BookingFlow.SubmitAsync(client, Visit, With(field, value));
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Book a home visit", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
    }

    [Fact]
    public async Task a_post_without_the_antiforgery_token_is_refused()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent(Visit.Fields());

        using var response = await client.PostAsync("/book/details", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
    }
}
