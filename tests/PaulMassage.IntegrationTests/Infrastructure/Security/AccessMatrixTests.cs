using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Features.Plans;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Two clients with accounts and a booking each, the therapist, and values for every route
/// parameter the site uses. A new route with a parameter of another name gets "1"; add its name
/// to <see cref="RouteValues"/> when "1" is not a real value for it.
/// </summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public const string EmailA = "ann.client@test.example";
    public const string EmailB = "bob.client@test.example";

    /// <summary>Paul's personal note in client A's plan (health data): only A's account and A's own booking link may show it.</summary>
    public const string PlanNoteA = "Ann-plan-note: left side only";

    /// <summary>The note in the plan of client A's visit of January, whose link expired long ago.</summary>
    public const string StaleNoteA = "Ann-stale-note: both sides";

    /// <summary>Paul's note in the plan of the stranger's visit (booked with client A's address): never on client A's pages.</summary>
    public const string StrangerPlanNote = "Sam-plan-note: right shoulder only";

    /// <summary>What client A wrote in a check-in before their visit.</summary>
    public const string CheckInWordsA = "Ann-check-in-words: worse after gardening";

    public const int ReceiptA = 1;
    public const int StrangerReceipt = 2;
    public const int StaleReceiptA = 3;

    public PracticeAppFactory Factory { get; } = new();

    public ArrangedVisit BookingA { get; private set; } = null!;

    public ArrangedVisit BookingB { get; private set; } = null!;

    /// <summary>The actor "booked with someone else's e-mail": a stranger who gave client A's address (in capitals) without signing in.</summary>
    public ArrangedVisit StrangerWithEmailA { get; private set; } = null!;

    /// <summary>Client A's visit of January, with a plan: its manage link has expired.</summary>
    public ArrangedVisit StaleVisitA { get; private set; } = null!;

    /// <summary>The one-time link of client A's answered check-in before their booking.</summary>
    public string CheckInTokenA { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RouteValues { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<SiteRoute> Routes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var starts = await Factory.FreeStartsAsync(3);
        BookingA = await Factory.BookAsync(starts[0], "Ann Client", EmailA, f => f["Intake.MainComplaint"] = "Ann's stiff neck");
        BookingB = await Factory.BookAsync(starts[1], "Bob Client", EmailB, f => f["Intake.MainComplaint"] = "Bob's sore hips");
        await Factory.ProveAddressAsync(EmailA, BookingA.Reference);
        await Factory.ProveAddressAsync(EmailB, BookingB.Reference);
        StrangerWithEmailA = await Factory.BookAsync(starts[2], "Sam Stranger", EmailA.ToUpperInvariant(), f => f["Intake.MainComplaint"] = "Sam's own shoulders");
        await Factory.ClientAccountAsync(EmailA);
        await Factory.ClientAccountAsync(EmailB);
        // Client A has a plan from their booking's visit, and one from a visit long enough ago that its link has expired.
        await Factory.PlanAsync(BookingA, "Ann's reason", ("Knee hugs", PlanNoteA));
        StaleVisitA = await Factory.VisitAsync(EmailA, new DateTime(2027, 1, 11, 10, 0, 0, DateTimeKind.Utc), PaulMassage.Web.Features.Booking.AppointmentStatus.Completed, name: "Ann Client");
        await Factory.PlanAsync(StaleVisitA, "Ann's earlier reason", ("Cat and cow", StaleNoteA));
        await Factory.PlanAsync(StrangerWithEmailA, "Sam's reason", ("Cat and cow", StrangerPlanNote));
        CheckInTokenA = PaulMassage.Web.Features.Booking.ManageToken.Create();
        await Factory.WithDbAsync(async db =>
        {
            var visit = await db.Appointments.SingleAsync(a => a.Id == BookingA.Id);
            var checkIn = PaulMassage.Web.Features.Plans.CheckIn.Send(visit, PaulMassage.Web.Features.Booking.ManageToken.Hash(CheckInTokenA), Factory.Clock.GetUtcNow().UtcDateTime);
            checkIn.Answer(visit, 5, CheckInWordsA, PaulMassage.Web.Features.Screening.RedFlag.None, false, Factory.Clock.GetUtcNow().UtcDateTime);
            db.CheckIns.Add(checkIn);
            return await db.SaveChangesAsync();
        });
        var article = await Factory.WithDbAsync(db => db.Articles.Select(a => a.Slug).FirstAsync());
        // Client A's booking has a receipt (number 1): its account and its manage link may download it, client B may not.
        // The stranger's visit has receipt 2 (never client A's), client A's visit of January receipt 3 (A's, but not through its expired link).
        await Factory.WithDbAsync(async db =>
        {
            foreach (var (visit, number) in new[] { (BookingA, ReceiptA), (StrangerWithEmailA, StrangerReceipt), (StaleVisitA, StaleReceiptA) })
            {
                db.Payments.Add(PaulMassage.Web.Features.Payments.Payment.Record(visit.Id, PaulMassage.Web.Features.Payments.PaymentKind.Visit, 70m,
                    PaulMassage.Web.Features.Payments.PaymentMethods.Card, number, Factory.Clock.GetUtcNow().UtcDateTime));
            }

            return await db.SaveChangesAsync();
        });
        RouteValues = new Dictionary<string, string>
        {
            ["token"] = BookingA.Token,
            ["code"] = "404",
            ["id"] = BookingA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["slug"] = "deep-tissue-massage",
            ["reference"] = BookingA.Reference,
            ["number"] = ReceiptA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/articles/{slug}:slug"] = article,
        };
        Routes = SiteRoutes.Discover(Factory);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The access matrix of issue 5: every route the site has (discovered, not listed by hand) against
/// an anonymous visitor, client A, client B, a stranger who booked with client A's e-mail address,
/// and the therapist.
/// </summary>
public sealed class TheAccessMatrix(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private static readonly string[] ReadMethods = ["GET"];

    [Fact]
    public void covers_the_public_site_the_back_office_and_the_signed_in_pages()
    {
        var templates = fixture.Routes.Select(r => r.Template).ToList();
        Assert.Contains("/admin", templates);
        Assert.Contains("/admin/erasure-requests", templates);
        Assert.Contains("/account/security", templates);
        Assert.Contains("/bookings/{token}", templates);
        Assert.Contains("/book", templates);
        Assert.All(fixture.Routes.Where(r => r.Template.StartsWith("/admin", StringComparison.Ordinal)), r => Assert.Equal(RouteAccess.Therapist, r.Access));
    }

    [Fact]
    public async Task sends_anonymous_visitors_to_sign_in_from_every_protected_page()
    {
        using var anonymous = fixture.Factory.Browser();
        var failures = new List<string>();
        foreach (var route in GetRoutes())
        {
            var path = route.Fill(fixture.RouteValues);
            using var response = await anonymous.GetAsync(path);
            var challenged = SigningIn.IsSignInChallenge(response, path);
            if (route.Access == RouteAccess.Public)
            {
                if (challenged || response.StatusCode == HttpStatusCode.Unauthorized || ((int)response.StatusCode >= 500 && !IsErrorPage(route)))
                {
                    failures.Add($"{route} ({path}) is public but answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
            else if (!challenged)
            {
                failures.Add($"{route} ({path}) let an anonymous visitor in: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task refuses_the_back_office_to_both_clients_with_403_and_lets_them_reach_their_own_pages()
    {
        var failures = new List<string>();
        foreach (var email in new[] { AccessMatrixFixture.EmailA, AccessMatrixFixture.EmailB })
        {
            using var client = await fixture.Factory.SignedInAsync(email);
            foreach (var route in GetRoutes())
            {
                var path = route.Fill(fixture.RouteValues);
                using var response = await client.GetAsync(path);
                var status = (int)response.StatusCode;
                var ownsTheValues = email == AccessMatrixFixture.EmailA;
                var ok = route.Access switch
                {
                    RouteAccess.Therapist => response.StatusCode == HttpStatusCode.Forbidden,
                    // The route values are client A's: client B must get "not found", never A's page.
                    RouteAccess.Client or RouteAccess.SignedIn when route.HasParameters && !ownsTheValues => response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    RouteAccess.Client or RouteAccess.SignedIn => status < 400 && !SigningIn.IsSignInChallenge(response, path),
                    _ => (status < 500 || IsErrorPage(route)) && !SigningIn.IsSignInChallenge(response, path),
                };
                if (!ok)
                {
                    failures.Add($"{email}: {route} ({path}) answered {status} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task opens_every_back_office_page_to_the_therapist_and_no_clients_account_page()
    {
        using var therapist = await fixture.Factory.TherapistAsync(followRedirects: false);
        var failures = new List<string>();
        foreach (var route in GetRoutes().Where(r => r.Access != RouteAccess.Public))
        {
            var path = route.Fill(fixture.RouteValues);
            using var response = await therapist.GetAsync(path);
            var ok = route.Access == RouteAccess.Client
                ? response.StatusCode == HttpStatusCode.Forbidden // he is not a client: a client's account pages are not his
                : route.HasParameters
                ? (int)response.StatusCode < 500 && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && !SigningIn.IsSignInChallenge(response, path)
                : response.StatusCode == HttpStatusCode.OK || IsLocalRedirect(response);
            if (!ok)
            {
                failures.Add($"{route} ({path}) answered the therapist {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task refuses_every_protected_post_to_anonymous_visitors_and_back_office_posts_to_clients()
    {
        using var anonymous = fixture.Factory.Browser();
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        var anonymousToken = await FormPost.AntiforgeryTokenAsync(anonymous, "/account/sign-in");
        var clientToken = await FormPost.AntiforgeryTokenAsync(clientA, "/account/security");
        var visitsBefore = await VisitStatesAsync();
        var failures = new List<string>();
        foreach (var route in fixture.Routes.Where(r => r.Access != RouteAccess.Public && r.Methods.Contains("POST")))
        {
            var path = route.Fill(fixture.RouteValues);
            using (var response = await PostWithTokenAsync(anonymous, path, anonymousToken))
            {
                if (!SigningIn.IsSignInChallenge(response, path))
                {
                    failures.Add($"anonymous: {route} ({path}) answered {(int)response.StatusCode}");
                }
            }

            if (route.Access == RouteAccess.Therapist)
            {
                using var response = await PostWithTokenAsync(clientA, path, clientToken);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"client A: {route} ({path}) answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Set<PaulMassage.Web.Features.Privacy.ErasureRequest>().CountAsync(r => r.CompletedUtc != null)));
        Assert.Equal(visitsBefore, await VisitStatesAsync()); // a refused post changed no visit
    }

    private Task<List<(int Id, PaulMassage.Web.Features.Booking.AppointmentStatus Status, Guid Version)>> VisitStatesAsync() =>
        fixture.Factory.WithDbAsync(async db => (await db.Appointments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Status, a.Version }).ToListAsync())
            .Select(a => (a.Id, a.Status, a.Version)).ToList());

    [Fact]
    public async Task shows_a_manage_link_only_its_own_booking()
    {
        using var anyone = fixture.Factory.Browser();
        var pageA = await anyone.GetStringAsync($"/bookings/{fixture.BookingA.Token}");
        Assert.Contains(fixture.BookingA.Reference, pageA, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.BookingB.Reference, pageA, StringComparison.Ordinal);

        var dataA = await anyone.GetStringAsync($"/bookings/{fixture.BookingA.Token}/my-data");
        Assert.Contains("Ann\\u0027s stiff neck", dataA, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", dataA, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.BookingB.Reference, dataA, StringComparison.Ordinal);

        using var guessed = await anyone.GetAsync("/bookings/" + fixture.BookingA.Token[..^2] + "xx");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Fact]
    public async Task shows_a_stranger_who_booked_with_client_as_address_nothing_of_client_a_on_any_page_their_link_opens()
    {
        using var stranger = fixture.Factory.Browser();
        var values = new Dictionary<string, string>(fixture.RouteValues) { ["token"] = fixture.StrangerWithEmailA.Token };
        var opened = 0;
        foreach (var route in GetRoutes().Where(r => r.Access == RouteAccess.Public && r.Template.Contains("{token}", StringComparison.Ordinal)))
        {
            var path = route.Fill(values);
            using var response = await stranger.GetAsync(path);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("\\u0027", "'", StringComparison.Ordinal);
            opened += response.IsSuccessStatusCode ? 1 : 0;
            foreach (var secret in new[] { "Ann Client", "Ann's stiff neck", fixture.BookingA.Reference, AccessMatrixFixture.PlanNoteA, AccessMatrixFixture.StaleNoteA })
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{route} ({path}) shows client A's \"{secret}\" to the stranger");
            }
        }

        Assert.True(opened >= 3, "the stranger's link should open its manage page, its move page and its data export");

        // An erasure asked through the stranger's link reaches the stranger's booking only.
        using (var ask = await FormPost.PostAsync(stranger, $"/bookings/{fixture.StrangerWithEmailA.Token}", $"/bookings/{fixture.StrangerWithEmailA.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var request = await fixture.Factory.WithDbAsync(db => db.Set<PaulMassage.Web.Features.Privacy.ErasureRequest>()
            .SingleAsync(r => r.AppointmentId == fixture.StrangerWithEmailA.Id));
        Assert.Equal(fixture.StrangerWithEmailA.ClientId, request.ClientId);
        Assert.NotEqual(fixture.BookingA.ClientId, request.ClientId);

        // The stranger's own link shows the stranger's own plan.
        Assert.Contains(AccessMatrixFixture.StrangerPlanNote, WebUtility.HtmlDecode(await stranger.GetStringAsync($"/bookings/{fixture.StrangerWithEmailA.Token}/plan")), StringComparison.Ordinal);

        // Client A's account does not list the stranger's booking, nor show the stranger's plan.
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        Assert.DoesNotContain(fixture.StrangerWithEmailA.Reference, await clientA.GetStringAsync("/account/privacy/my-data"), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.StrangerWithEmailA.Reference, await clientA.GetStringAsync("/account"), StringComparison.Ordinal);
        var planA = WebUtility.HtmlDecode(await clientA.GetStringAsync("/account/plan"));
        Assert.Contains(AccessMatrixFixture.PlanNoteA, planA, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessMatrixFixture.StrangerPlanNote, planA, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.StrangerWithEmailA.Reference, planA, StringComparison.Ordinal);
    }

    [Fact]
    public async Task gives_each_signed_in_client_only_their_own_data()
    {
        foreach (var (email, mine, theirs) in new[]
        {
            (AccessMatrixFixture.EmailA, fixture.BookingA.Reference, fixture.BookingB.Reference),
            (AccessMatrixFixture.EmailB, fixture.BookingB.Reference, fixture.BookingA.Reference),
        })
        {
            using var client = await fixture.Factory.SignedInAsync(email);
            var data = await client.GetStringAsync("/account/privacy/my-data");
            Assert.Contains(mine, data, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs, data, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task shows_a_clients_plan_to_that_client_and_their_own_booking_link_only()
    {
        using (var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA))
        {
            var mine = WebUtility.HtmlDecode(await clientA.GetStringAsync("/account/plan"));
            Assert.Contains(AccessMatrixFixture.PlanNoteA, mine, StringComparison.Ordinal);
        }

        using (var clientB = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailB))
        {
            var theirs = WebUtility.HtmlDecode(await clientB.GetStringAsync("/account/plan"));
            Assert.DoesNotContain(AccessMatrixFixture.PlanNoteA, theirs, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessMatrixFixture.StaleNoteA, theirs, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessMatrixFixture.PlanNoteA, WebUtility.HtmlDecode(await clientB.GetStringAsync("/account/privacy/my-data")).Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        using var anyone = fixture.Factory.Browser();
        Assert.Contains(AccessMatrixFixture.PlanNoteA, WebUtility.HtmlDecode(await anyone.GetStringAsync($"/bookings/{fixture.BookingA.Token}/plan")), StringComparison.Ordinal);
        using (var signIn = await anyone.GetAsync("/account/plan"))
        {
            Assert.True(SigningIn.IsSignInChallenge(signIn, "/account/plan"));
        }

        // The link of A's visit of January has expired: the plan it led to is not shown, only the way to a fresh link.
        using var stale = await anyone.GetAsync($"/bookings/{fixture.StaleVisitA.Token}/plan");
        var staleBody = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.DoesNotContain(AccessMatrixFixture.StaleNoteA, staleBody, StringComparison.Ordinal);
        Assert.Contains("new-link", staleBody, StringComparison.Ordinal);

        // A guessed or replaced token reaches nothing.
        using var guessed = await anyone.GetAsync("/bookings/" + fixture.BookingA.Token[..^2] + "xx/plan");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Fact]
    public async Task shows_a_clients_check_in_answers_to_no_one_through_its_link_and_in_their_own_data_only()
    {
        using (var anyone = fixture.Factory.Browser())
        {
            var page = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/check-in/{fixture.CheckInTokenA}"));
            Assert.Contains("Paul has your answers", page, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessMatrixFixture.CheckInWordsA, page, StringComparison.Ordinal);
            using var guessed = await anyone.GetAsync($"/check-in/{fixture.BookingA.Token}");
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode); // a manage link's token is not a check-in's
        }

        using (var clientB = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailB))
        {
            Assert.DoesNotContain(AccessMatrixFixture.CheckInWordsA, WebUtility.HtmlDecode(await clientB.GetStringAsync($"/check-in/{fixture.CheckInTokenA}")), StringComparison.Ordinal);
            Assert.DoesNotContain("Ann-check-in-words", await clientB.GetStringAsync("/account/privacy/my-data"), StringComparison.Ordinal);
        }

        using var stranger = fixture.Factory.Browser();
        Assert.DoesNotContain("Ann-check-in-words", await stranger.GetStringAsync($"/bookings/{fixture.StrangerWithEmailA.Token}/my-data"), StringComparison.Ordinal);
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        Assert.Contains("Ann-check-in-words", await clientA.GetStringAsync("/account/privacy/my-data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task gives_a_signed_in_client_the_receipts_of_their_own_records_only_never_the_strangers_booked_with_their_address()
    {
        using (var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA))
        {
            foreach (var own in new[] { AccessMatrixFixture.ReceiptA, AccessMatrixFixture.StaleReceiptA })
            {
                using var mine = await clientA.GetAsync($"/account/receipts/{own}");
                Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
                Assert.Equal($"receipt-{Label(own)}.pdf", mine.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            }

            using var strangers = await clientA.GetAsync($"/account/receipts/{AccessMatrixFixture.StrangerReceipt}");
            Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
            var account = await clientA.GetStringAsync("/account");
            Assert.Contains(Label(AccessMatrixFixture.ReceiptA), account, StringComparison.Ordinal);
            Assert.DoesNotContain(Label(AccessMatrixFixture.StrangerReceipt), account, StringComparison.Ordinal);
        }

        using (var clientB = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailB))
        {
            var account = await clientB.GetStringAsync("/account");
            foreach (var number in new[] { AccessMatrixFixture.ReceiptA, AccessMatrixFixture.StrangerReceipt, AccessMatrixFixture.StaleReceiptA })
            {
                using var response = await clientB.GetAsync($"/account/receipts/{number}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain(Label(number), account, StringComparison.Ordinal);
            }
        }

        // The stranger's own link gives the stranger's own receipt; the expired link of A's January visit gives none.
        using var anyone = fixture.Factory.Browser();
        using (var stranger = await anyone.GetAsync($"/bookings/{fixture.StrangerWithEmailA.Token}/receipt"))
        {
            Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
            Assert.Equal($"receipt-{Label(AccessMatrixFixture.StrangerReceipt)}.pdf", stranger.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        using var stale = await anyone.GetAsync($"/bookings/{fixture.StaleVisitA.Token}/receipt");
        Assert.NotEqual("application/pdf", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("new-link", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task lets_no_signed_in_client_move_or_cancel_a_visit_of_another_record_from_their_account()
    {
        var visitsBefore = await VisitStatesAsync();
        var failures = new List<string>();
        foreach (var (email, notTheirs) in new[]
        {
            (AccessMatrixFixture.EmailA, fixture.StrangerWithEmailA.Reference), // booked with A's address by a stranger
            (AccessMatrixFixture.EmailA, fixture.BookingB.Reference),
            (AccessMatrixFixture.EmailB, fixture.BookingA.Reference),
            (AccessMatrixFixture.EmailB, fixture.StaleVisitA.Reference),
        })
        {
            using var client = await fixture.Factory.SignedInAsync(email);
            using (var move = await client.GetAsync($"/account/visits/{notTheirs}/move"))
            {
                Expect404(move, $"{email}: move page of {notTheirs}");
            }

            using (var moveTo = await FormPost.PostAsync(client, "/account", $"/account/visits/{notTheirs}/move", [new("Start", fixture.StrangerWithEmailA.StartUtc.AddDays(7).ToString("O", System.Globalization.CultureInfo.InvariantCulture))]))
            {
                Expect404(moveTo, $"{email}: move of {notTheirs}");
            }

            using (var cancel = await FormPost.PostAsync(client, "/account", $"/account/visits/{notTheirs}/cancel", []))
            {
                Expect404(cancel, $"{email}: cancel of {notTheirs}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(visitsBefore, await VisitStatesAsync()); // nothing was moved or cancelled

        // Client A still reaches the move page of their own booking.
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        using var own = await clientA.GetAsync($"/account/visits/{fixture.BookingA.Reference}/move");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        void Expect404(HttpResponseMessage response, string what)
        {
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{what} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task keeps_erasure_requests_of_the_account_to_its_own_record_and_apart_from_the_strangers_booked_with_its_address()
    {
        const string AlreadyAsked = "You have asked for this";

        // The stranger asks through their link (an earlier test may have asked already: the request stays one).
        using (var anyone = fixture.Factory.Browser())
        using (var ask = await FormPost.PostAsync(anyone, fixture.StrangerWithEmailA.ManageUrl, $"/bookings/{fixture.StrangerWithEmailA.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        // Client B asks from their account: it is B's record's request, and shows on B's page only.
        using (var clientB = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailB))
        {
            using var ask = await FormPost.PostAsync(clientB, "/account/privacy", "/account/privacy/erasure", []);
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
            Assert.Contains(AlreadyAsked, await clientB.GetStringAsync("/account/privacy"), StringComparison.Ordinal);
        }

        var accountRequest = await fixture.Factory.WithDbAsync(db => db.Set<PaulMassage.Web.Features.Privacy.ErasureRequest>()
            .SingleAsync(r => r.ClientId == fixture.BookingB.ClientId && r.AppointmentId == null));
        Assert.Equal("account", accountRequest.Channel);

        // Neither the stranger's request (on the stranger's own record) nor B's is client A's.
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        Assert.DoesNotContain(AlreadyAsked, await clientA.GetStringAsync("/account/privacy"), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Set<PaulMassage.Web.Features.Privacy.ErasureRequest>().CountAsync(r => r.ClientId == fixture.BookingA.ClientId)));

        // A's export holds A's whole record (the visit of January too), not the stranger's booking nor B's.
        var data = await clientA.GetStringAsync("/account/privacy/my-data");
        Assert.Contains(fixture.StaleVisitA.Reference, data, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.StrangerWithEmailA.Reference, data, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", data, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.BookingB.Reference, data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task shows_nothing_of_client_a_through_the_expired_link_of_their_old_visit_and_takes_no_erasure_request_through_it()
    {
        using var anyone = fixture.Factory.Browser();
        var values = new Dictionary<string, string>(fixture.RouteValues) { ["token"] = fixture.StaleVisitA.Token };
        foreach (var route in GetRoutes().Where(r => r.Access == RouteAccess.Public && r.Template.Contains("{token}", StringComparison.Ordinal)))
        {
            var path = route.Fill(values);
            using var response = await anyone.GetAsync(path);
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("\\u0027", "'", StringComparison.Ordinal);
            foreach (var secret in new[] { "Ann Client", "Ann's stiff neck", fixture.BookingA.Reference, AccessMatrixFixture.PlanNoteA, AccessMatrixFixture.StaleNoteA })
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{route} ({path}) shows client A's \"{secret}\" through an expired link");
            }
        }

        using (var ask = await FormPost.PostAsync(anyone, fixture.StaleVisitA.ManageUrl, $"/bookings/{fixture.StaleVisitA.Token}/erasure", []))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, ask.StatusCode);
        }

        Assert.False(await fixture.Factory.WithDbAsync(db => db.Set<PaulMassage.Web.Features.Privacy.ErasureRequest>().AnyAsync(r => r.AppointmentId == fixture.StaleVisitA.Id)));
    }

    private static string Label(int receiptNumber) => PaulMassage.Web.Features.Payments.PaymentRules.ReceiptLabel(receiptNumber);

    private IEnumerable<SiteRoute> GetRoutes() => fixture.Routes.Where(r => r.Allows(ReadMethods[0]));

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, string token)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        return await client.PostAsync(path, content);
    }

    /// <summary>The friendly error page answers 500 on purpose.</summary>
    private static bool IsErrorPage(SiteRoute route) => route.Template == "/error";

    /// <summary>A page that sends the user on (for example "set up first") rather than refusing them.</summary>
    private static bool IsLocalRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { IsAbsoluteUri: false } location
        && !location.OriginalString.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase);
}
