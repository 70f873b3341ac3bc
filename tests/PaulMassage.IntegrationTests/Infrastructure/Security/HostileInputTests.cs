using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>A practice with a booking, the therapist signed in, and the site's routes and forms discovered.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public PracticeAppFactory Factory { get; } = new();

    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Therapist { get; private set; } = null!;

    public ArrangedVisit Booking { get; private set; } = null!;

    public IReadOnlyList<DateTime> Starts { get; private set; } = [];

    public IReadOnlyList<SiteRoute> Routes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RouteValues { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Starts = await Factory.FreeStartsAsync(40);
        Booking = await Factory.BookAsync(Starts[0], "Holly Hostile", "holly@test.example");
        Anonymous = Factory.Browser();
        Therapist = await Factory.TherapistAsync(followRedirects: false);
        Routes = SiteRoutes.Discover(Factory);
        RouteValues = new Dictionary<string, string> { ["token"] = Booking.Token, ["code"] = "404", ["slug"] = "deep-tissue-massage", ["id"] = "999999" };
    }

    public HttpClient ClientFor(SiteRoute route) => route.Access == RouteAccess.Public ? Anonymous : Therapist;

    public Task DisposeAsync()
    {
        Anonymous.Dispose();
        Therapist.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Bad input, from hostile-inputs.txt (over 200 entries), sent to every query parameter, route value
/// and form field the site has (found from its endpoints and its pages): no answer is a server error,
/// nothing invalid is stored, and whatever is stored comes back HTML-encoded.
/// </summary>
public sealed partial class TheHostileInputs(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public void come_from_a_corpus_of_at_least_200_inputs_of_every_kind()
    {
        var corpus = HostileInputs.Corpus;
        Assert.True(corpus.Count >= 200, $"{corpus.Count} inputs");
        Assert.Contains(corpus, i => i.Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(corpus, i => i.Contains("DROP TABLE", StringComparison.Ordinal));
        Assert.Contains(corpus, i => i.Length >= 100_000);
        Assert.Contains(corpus, i => i.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(corpus, i => i.Contains('\u202e', StringComparison.Ordinal));
        Assert.Contains(corpus, i => i.Contains("😀", StringComparison.Ordinal));
        Assert.Contains("2027-02-30", corpus);
        Assert.Contains("-2147483649", corpus);
    }

    [Fact]
    public async Task never_answer_a_query_parameter_or_route_value_with_a_server_error()
    {
        var failures = new List<string>();
        var queried = fixture.Routes.Where(r => r.Allows("GET") && r.QueryNames.Count > 0).ToList();
        Assert.Contains(queried, r => r.Template == "/api/availability");
        Assert.Contains(queried, r => r.Template == "/book/slots");
        var withValues = fixture.Routes.Where(r => r.HasParameters && r.Template != "/error").ToList();
        foreach (var input in HostileInputs.Corpus)
        {
            foreach (var route in queried)
            {
                // Every parameter hostile at once, then each alone beside valid ones.
                await CheckAsync(route, route.Fill(fixture.RouteValues) + "?" + Query(route.QueryNames.Select(n => (n, input))), failures);
                var one = route.QueryNames[Math.Abs(input.GetHashCode(StringComparison.Ordinal)) % route.QueryNames.Count];
                await CheckAsync(route, route.Fill(fixture.RouteValues) + "?" + Query(route.QueryNames.Select(n => (n, n == one ? input : ValidQueryValue(n)))), failures);
            }

            foreach (var route in withValues)
            {
                var values = route.Pattern.Parameters.ToDictionary(p => p.Name, _ => input);
                await CheckAsync(route, route.Fill(values), failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)) + SiteErrors());
    }

    /// <summary>The site's own account of its errors (the log's ERR entries and their first lines), for a failure message.</summary>
    private string SiteErrors()
    {
        var folder = Path.Combine(Factory.Folder, "logs");
        if (!Directory.Exists(folder))
        {
            return string.Empty;
        }

        var lines = Directory.EnumerateFiles(folder, "*.log")
            .SelectMany(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n');
            })
            .ToList();
        var errors = lines.Select((line, i) => (line, i)).Where(x => x.line.Contains("[ERR]", StringComparison.Ordinal) || x.line.Contains("[FTL]", StringComparison.Ordinal))
            .Take(5)
            .SelectMany(x => lines.Skip(x.i).Take(4));
        return Environment.NewLine + "Site log:" + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }

    [Fact]
    public async Task never_answer_a_form_field_with_a_server_error_and_never_store_anything_invalid()
    {
        var forms = await DiscoverFormsAsync();
        Assert.Contains(forms, f => f.Form.Action == "/book/details");
        Assert.Contains(forms, f => f.Form.Action == "/account/sign-in");
        Assert.Contains(forms, f => f.Form.Action == "/book" && f.Form.Method == "GET");
        // Markup that is valid text (a name, notes, a complaint) is stored and must come back encoded.
        var markup = new[] { "<script>alert(1)</script> Smith", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>" };
        var stored = new List<ArrangedVisit>();
        for (var m = 0; m < markup.Length; m++)
        {
            var text = markup[m];
            stored.Add(await Factory.BookAsync(fixture.Starts[^(m + 1)], text, $"markup{m}@test.example", f =>
            {
                f["Address.AccessNotes"] = text;
                f["Intake.MainComplaint"] = text;
                f["Address.AddressLine1"] = text;
            }));
        }

        var failures = new List<string>();
        var accepted = new List<string>();
        var corpus = HostileInputs.Corpus;
        for (var i = 0; i < corpus.Count; i++)
        {
            foreach (var (client, form, token) in forms)
            {
                var names = form.FieldNames.ToList();
                var target = names[i % names.Count];
                var start = fixture.Starts[1 + (i % (fixture.Starts.Count - 5))];
                foreach (var allHostile in new[] { false, true })
                {
                    var fields = Baseline(form, start)
                        .Select(f => allHostile || f.Key == target ? new KeyValuePair<string, string>(f.Key, corpus[i]) : f)
                        .ToList();
                    if (!fields.Any(f => f.Key == target))
                    {
                        fields.Add(new(target, corpus[i]));
                    }

                    using var response = await SendAsync(client, form, token, fields);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{form.Method} {form.Action} [{(allHostile ? "all fields" : target)}] {Describe(corpus[i])}: {(int)response.StatusCode}");
                    }
                    else if (form.Action == "/book/details" && response.StatusCode == HttpStatusCode.Redirect)
                    {
                        accepted.Add(corpus[i]);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)) + SiteErrors());
        Assert.NotEmpty(accepted);
        await AssertEverythingStoredIsValidAsync();
        await AssertStoredTextIsShownEncodedAsync(stored);
    }

    [Fact]
    public async Task refuse_wrong_content_types_and_missing_fields_without_storing_anything()
    {
        var before = await Factory.WithDbAsync(db => db.Appointments.CountAsync());
        // A start found when the fixture began: the form test may since have fuzzed the working hours.
        var start = fixture.Starts[2];
        var token = await FormPost.AntiforgeryTokenAsync(fixture.Anonymous, "/account/sign-in");
        var valid = SecurityScenario.ValidBookingFields(start, "Connie Content", "connie@test.example");
        var failures = new List<string>();
        var bodies = new (string Type, string Body)[]
        {
            ("application/json", System.Text.Json.JsonSerializer.Serialize(valid)),
            ("application/xml", "<BookingForm><Name>Connie</Name></BookingForm>"),
            ("text/plain", string.Join("&", valid.Select(f => f.Key + "=" + f.Value))),
            ("application/x-www-form-urlencoded", "%%%&&&==="),
            ("application/x-www-form-urlencoded; charset=utf-7", "Name=%2BAGE-"),
            ("multipart/form-data; boundary=nothing", "--nothing\r\nbroken"),
            ("image/png", "\u0089PNG\r\n"),
        };
        // The cancel POST has no fields: with its token in the header it may legitimately go through.
        foreach (var path in new[] { "/book/details", "/account/sign-in", $"/bookings/{fixture.Booking.Token}/cancel" })
        {
            foreach (var (type, body) in bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                request.Headers.Add("RequestVerificationToken", token);
                using var response = await fixture.Anonymous.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{path} as {type}: {(int)response.StatusCode}");
                }
            }
        }

        var optional = new[] { "Address.AccessNotes", "Intake.MedicalHistory" };
        foreach (var missing in valid.Keys.Except(optional))
        {
            // The token comes from the sign-in page, which always answers: the details page may send a
            // visitor back to the times when the fuzzed working hours no longer offer this start.
            using var response = await FormPost.PostAsync(fixture.Anonymous, "/account/sign-in", "/book/details", valid.Where(f => f.Key != missing));
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Redirect)
            {
                failures.Add($"booking without {missing}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
    }

    private async Task<List<(HttpClient Client, HtmlForm Form, string Token)>> DiscoverFormsAsync()
    {
        var pages = fixture.Routes.Where(r => r.Allows("GET") && r.Template != "/error")
            .Select(r => (Client: fixture.ClientFor(r), Path: r.Fill(fixture.RouteValues)))
            .Append((fixture.Anonymous, SecurityScenario.DetailsPage(fixture.Starts[1])))
            .ToList();
        var forms = new Dictionary<(string, string), (HttpClient, HtmlForm, string)>();
        foreach (var (client, path) in pages)
        {
            using var response = await client.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var form in HtmlForms.Parse(path, await response.Content.ReadAsStringAsync()).Where(f => f.FieldNames.Any()))
            {
                var token = form.Fields.FirstOrDefault(f => f.Name == "__RequestVerificationToken")?.Value ?? string.Empty;
                forms.TryAdd((form.Method, form.Action.Split('?')[0]), (client, form, token));
            }
        }

        return [.. forms.Values];
    }

    /// <summary>Valid values for a form: the booking form's known-good answers, else what the page put in its fields.</summary>
    private static List<KeyValuePair<string, string>> Baseline(HtmlForm form, DateTime start)
    {
        if (form.Action == "/book/details")
        {
            return [.. SecurityScenario.ValidBookingFields(start, "Hostile Tester", "hostile.tester@test.example")];
        }

        var known = new Dictionary<string, string>
        {
            ["Email"] = "nobody@test.example",
            ["Password"] = "not anybody's password",
            ["CurrentPassword"] = "not the current password",
            ["NewPassword"] = "a new password for nobody",
            ["ConfirmPassword"] = "a new password for nobody",
            ["Service"] = "deep-tissue-massage",
            ["Minutes"] = "60",
            ["Postcode"] = "SE1 7PB",
        };
        // As a browser sends the form untouched: ticked boxes and chosen radio buttons included, so
        // a settings form posted with one hostile field does not also close every working day.
        return form.Fields
            .Where(f => f.Name != "__RequestVerificationToken" && (f.Type is not ("checkbox" or "radio" or "submit") || (f.Type is "checkbox" or "radio" && f.Checked)))
            .GroupBy(f => f.Name)
            .Select(g => new KeyValuePair<string, string>(g.Key, known.GetValueOrDefault(g.Key) ?? g.First().Value))
            .ToList();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HtmlForm form, string token, List<KeyValuePair<string, string>> fields)
    {
        if (form.Method == "GET")
        {
            return await client.GetAsync(form.Action.Split('?')[0] + "?" + Query(fields.Select(f => (f.Key, f.Value))));
        }

        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(form.Action, content);
    }

    private async Task CheckAsync(SiteRoute route, string url, List<string> failures)
    {
        if (url.Contains("%00", StringComparison.Ordinal) && url.Split('?')[0].Contains("%00", StringComparison.Ordinal))
        {
            // A NUL in the path never reaches the site: Kestrel answers 400 and the test server refuses to send it.
            return;
        }

        using var response = await fixture.ClientFor(route).GetAsync(url);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"GET {(url.Length > 300 ? url[..300] + "..." : url)}: {(int)response.StatusCode}");
        }
    }

    private string ValidQueryValue(string name) => name.ToLowerInvariant() switch
    {
        "service" => "deep-tissue-massage",
        "minutes" => "60",
        "postcode" => "SE1 7PB",
        "days" => "7",
        "from" or "week" => DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "start" => fixture.Starts[1].ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        _ => "1",
    };

    private static string Query(IEnumerable<(string Name, string Value)> pairs) =>
        string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    private static string Describe(string value) => value.Length > 60 ? value[..60] + $"... ({value.Length} chars)" : value;

    /// <summary>Every stored client, visit and intake satisfies the rules of the form that stored it.</summary>
    private async Task AssertEverythingStoredIsValidAsync()
    {
        var clients = await Factory.WithDbAsync(db => db.Clients.AsNoTracking().ToListAsync());
        var appointments = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).Include(a => a.History).Include(a => a.SlotClaims).ToListAsync());
        var problems = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                problems.Add(what);
            }
        }

        bool Text(string? value, int max, bool required, bool multiline = false) =>
            (value is null ? !required : (!required || value.Trim().Length > 0) && value.Length <= max && UnsafeCharactersFilter.IsAcceptable(value, multiline));

        foreach (var c in clients)
        {
            Check(Text(c.Name, 100, true), $"client {c.Id} name");
            Check(MailboxAttribute.IsMailbox(c.Email) && c.Email.Length <= 254 && UnsafeCharactersFilter.IsAcceptable(c.Email, false), $"client {c.Id} e-mail");
            Check(PhonePattern().IsMatch(c.Phone), $"client {c.Id} phone");
            Check(appointments.Any(a => a.ClientId == c.Id), $"client {c.Id} has no appointment");
        }

        foreach (var a in appointments)
        {
            Check(Text(a.AddressLine1, 200, true) && Text(a.AddressLine2, 200, false) && Text(a.Town, 100, true), $"appointment {a.Id} address");
            Check(Text(a.AccessNotes, 1000, false, multiline: true), $"appointment {a.Id} access notes");
            Check(UkPostcode.TryParse(a.Postcode, out _), $"appointment {a.Id} postcode");
            Check(a.StartUtc.Minute % 15 == 0 && a.StartUtc.Second == 0 && a.EndUtc > a.StartUtc, $"appointment {a.Id} times");
            Check(a.DurationMinutes is 60 or 90, $"appointment {a.Id} length");
            Check(a.History.Count > 0 && a.SlotClaims.Count > 0, $"appointment {a.Id} history and claims");
            if (a.Intake is not { } i)
            {
                problems.Add($"appointment {a.Id} has no intake");
                continue;
            }

            Check(Text(i.MainComplaint, 2000, true, multiline: true), $"intake {i.Id} complaint");
            Check(Text(i.MedicalHistory, 4000, false, multiline: true), $"intake {i.Id} history");
            Check(i.PainIntensity is >= 0 and <= 10, $"intake {i.Id} intensity");
            Check(Enum.IsDefined(i.Duration), $"intake {i.Id} duration");
            Check(i.PainAreas != BodyArea.None && ((int)i.PainAreas & ~127) == 0, $"intake {i.Id} areas");
            Check(i.Feelings != PainFeeling.None && ((int)i.Feelings & ~31) == 0, $"intake {i.Id} feelings");
            Check(((int)i.Contraindications & ~511) == 0, $"intake {i.Id} contraindications");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(40)));
    }

    /// <summary>What was stored with markup in it appears on the therapist's pages encoded, never as markup.</summary>
    private async Task AssertStoredTextIsShownEncodedAsync(IReadOnlyList<ArrangedVisit> markupVisits)
    {
        foreach (var visit in markupVisits)
        {
            using var export = await fixture.Anonymous.GetAsync($"/bookings/{visit.Token}/my-data");
            var json = await export.Content.ReadAsStringAsync();
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("<", json, StringComparison.Ordinal);
            Assert.Contains("\\u003C", json, StringComparison.Ordinal);
            var page = await fixture.Anonymous.GetStringAsync($"/bookings/{visit.Token}");
            Assert.DoesNotContain("onerror=alert", page, StringComparison.Ordinal);
        }

        var names = await Factory.WithDbAsync(db => db.Clients.Where(c => c.Name.Contains('<')).Select(c => c.Name).ToListAsync());
        Assert.NotEmpty(names);
        var admin = await fixture.Therapist.GetStringAsync("/admin");
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, admin, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name), admin, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>alert(1)</script>", admin, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]{10,20}$")]
    private static partial Regex PhonePattern();
}
