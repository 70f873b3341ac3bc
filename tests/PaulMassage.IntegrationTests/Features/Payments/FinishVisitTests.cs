using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Payments;

namespace PaulMassage.IntegrationTests.Features.Payments;

/// <summary>Paul finishes a visit in one pass (outcome, payment, note), records no-shows and late cancellations, and settles what is owed.</summary>
public sealed class FinishingAVisit : IDisposable
{
    /// <summary>A practice of its own for each test: each moves the clock forward from the same morning.</summary>
    private readonly PracticeAppFactory factory = new();

    private PracticeAppFactory Factory => factory;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task finishing_a_visit_records_the_outcome_the_payment_and_the_note_in_one_pass_and_sends_one_email_with_the_receipt()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(2, 10), "Fay Finish");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(2, 11, 5)));
        using var paul = await Factory.TherapistAsync();

        var day = await paul.GetStringAsync("/admin/day?date=2027-03-02");
        Assert.Contains($"href=\"/admin/visits/{visit.Id}/complete?returnUrl=", day, StringComparison.Ordinal);
        var form = await paul.GetStringAsync($"/admin/visits/{visit.Id}/complete");
        Assert.Contains("id=\"Amount\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"70\"", form, StringComparison.Ordinal); // the price booked
        Assert.Contains("name=\"Note.PainScore\"", form, StringComparison.Ordinal);
        Assert.Contains("Main complaint: Aching lower back", form, StringComparison.Ordinal); // the note starts from the intake

        using var done = await PaymentArrange.FinishAsync(paul, Factory, visit.Id, amount: "62.50", method: "Card");

        var payment = await PaymentArrange.PaymentAsync(Factory, visit.Id);
        Assert.Equal((62.50m, PaymentMethods.Card, PaymentKind.Visit), (payment.AmountGbp, payment.Method, payment.Kind));
        Assert.NotNull(payment.ReceiptNumber);
        Assert.Equal($"Marked {visit.Reference} (Fay Finish) as completed. £62.50 paid by card, receipt {PaymentRules.ReceiptLabel(payment.ReceiptNumber!.Value)}.",
            Sessions.AdminMessage(await done.Content.ReadAsStringAsync()));
        Assert.Equal(AppointmentStatus.Completed, (await Visits.LoadAsync(Factory, visit.Id)).Status);
        var note = await Factory.WithDbAsync(db => db.TreatmentNotes.AsNoTracking().SingleAsync(n => n.AppointmentId == visit.Id));
        Assert.Equal((4, "Lower back easier since last week"), (note.PainScore, note.Subjective));

        var emails = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.Aftercare).CountAsync());
        Assert.Equal(1, emails);
        var mail = (await MailPickup.ToAsync(Factory, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == visit.Id).Select(a => a.Client!.Email).SingleAsync())))
            .Single(m => m.Subject!.StartsWith("After your massage", StringComparison.Ordinal));
        Assert.Equal($"/bookings/{visit.Token}/receipt", MailPickup.LinkIn(mail, $"/bookings/{visit.Token}/receipt"));

        var detail = await paul.GetStringAsync($"/admin/requests/{visit.Id}");
        Assert.Contains($"href=\"/admin/payments/receipts/{payment.ReceiptNumber}\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_amount_or_no_method_is_explained_beside_the_field_keeping_what_was_typed_and_nothing_is_stored()
    {
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(3, 10));
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 11)));
        using var paul = await Factory.TherapistAsync();

        using var wrong = await Sessions.PostAsync(paul, $"/admin/visits/{visit.Id}/complete", $"/admin/visits/{visit.Id}/complete",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Amount", "seventy"), ("Payment", "paid"),
            ("Note.PainScore", "11"), ("Note.Subjective", "Typed on the doorstep"));
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"Amount-error\">Enter the amount in pounds and pence, for example 70 or 62.50.<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Method-error\">Choose how the client paid, or mark the amount as owed.<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Note.PainScore-error\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"seventy\"", html, StringComparison.Ordinal);
        Assert.Contains("Typed on the doorstep", html, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Confirmed, (await Visits.LoadAsync(Factory, visit.Id)).Status);
        Assert.False(await Factory.WithDbAsync(db => db.Payments.AnyAsync(p => p.AppointmentId == visit.Id)));
    }

    [Fact]
    public async Task an_amount_owed_is_on_the_owed_list_until_paid_and_then_gets_the_next_receipt_number()
    {
        var paidVisit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(4, 9));
        var owedVisit = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(4, 11), "Owen Owing");
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(4, 12, 30)));
        using var paul = await Factory.TherapistAsync();

        (await PaymentArrange.FinishAsync(paul, Factory, paidVisit.Id, method: "Cash")).Dispose();
        (await PaymentArrange.FinishAsync(paul, Factory, owedVisit.Id, method: null)).Dispose();
        var first = (await PaymentArrange.PaymentAsync(Factory, paidVisit.Id)).ReceiptNumber!.Value;
        var owed = await PaymentArrange.PaymentAsync(Factory, owedVisit.Id);
        Assert.True(owed.IsOwed);
        Assert.Null(owed.ReceiptNumber);

        var menu = await paul.GetStringAsync("/admin");
        Assert.Contains("id=\"admin-nav-owed\"", menu, StringComparison.Ordinal);
        var list = await paul.GetStringAsync("/admin/payments/owed");
        Assert.Contains($"id=\"owed-{owed.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Owen Owing", list, StringComparison.Ordinal);

        using var settled = await Sessions.PostAsync(paul, "/admin/payments/owed", $"/admin/payments/owed/{owed.Id}/paid", ("Method", "BankTransfer"));
        var after = await PaymentArrange.PaymentAsync(Factory, owedVisit.Id);
        Assert.Equal((PaymentMethods.BankTransfer, first + 1), (after.Method, after.ReceiptNumber));
        Assert.DoesNotContain($"id=\"owed-{owed.Id}\"", await settled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Paying twice changes nothing.
        using var again = await Sessions.PostAsync(paul, "/admin/payments/owed", $"/admin/payments/owed/{owed.Id}/paid", ("Method", "Cash"));
        Assert.Equal(first + 1, (await PaymentArrange.PaymentAsync(Factory, owedVisit.Id)).ReceiptNumber);
        var numbers = await Factory.WithDbAsync(db => db.Payments.Where(p => p.ReceiptNumber != null).Select(p => p.ReceiptNumber!.Value).OrderBy(n => n).ToListAsync());
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers); // one sequence, no gaps
    }

    [Fact]
    public async Task a_no_show_and_a_late_cancellation_charge_the_fees_of_the_settings_as_owed_and_paul_sees_them_when_the_client_next_books()
    {
        await PaymentArrange.SettingsAsync(Factory, noShowFee: "30", lateFee: "20");
        const string email = "nina.noshow@test.example";
        var missed = await Factory.VisitAsync(email, Visits.March(5, 10), name: "Nina Noshow");
        var late = await Factory.VisitAsync(email, Visits.March(6, 16));
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(5, 10, 20)));
        var paul = await Factory.TherapistAsync();

        // Before the visit, more than a day ahead: the client can still cancel it themselves.
        using (var early = await Sessions.PostAsync(paul, "/admin", $"/admin/visits/{late.Id}/cancelled-late", ("Version", await Visits.VersionAsync(Factory, late.Id))))
        {
            Assert.StartsWith("The client can still cancel this visit themselves", Sessions.AdminMessage(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var noShow = await Sessions.PostAsync(paul, "/admin/day?date=2027-03-05", $"/admin/visits/{missed.Id}/no-show", ("Version", await Visits.VersionAsync(Factory, missed.Id)));
        Assert.Equal($"Marked {missed.Reference} (Nina Noshow) as a no-show. The no-show fee of £30 is on the owed list.", Sessions.AdminMessage(await noShow.Content.ReadAsStringAsync()));

        // The client phones the evening before the next visit to call it off.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(5, 18)));
        paul.Dispose();
        paul = await Factory.TherapistAsync();
        var agenda = await paul.GetStringAsync("/admin/day?date=2027-03-06");
        Assert.Contains($"id=\"cancelled-late-{late.Id}\"", agenda, StringComparison.Ordinal);
        using var cancelled = await Sessions.PostAsync(paul, "/admin/day?date=2027-03-06", $"/admin/visits/{late.Id}/cancelled-late",
            ("Version", await Visits.VersionAsync(Factory, late.Id)), ("ReturnUrl", "/admin/day?date=2027-03-06"));
        Assert.Contains("cancelled late by the client", Sessions.AdminMessage(await cancelled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, late.Id);
        Assert.Equal((AppointmentStatus.Cancelled, true), (stored.Status, stored.CancelledLate));
        Assert.Empty(stored.SlotClaims);

        var fees = await Factory.WithDbAsync(db => db.Payments.AsNoTracking().Where(p => p.Appointment!.ClientId == missed.ClientId).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([(PaymentKind.NoShowFee, 30m), (PaymentKind.LateCancellationFee, 20m)], fees.Select(p => (p.Kind, p.AmountGbp)));
        Assert.All(fees, p => Assert.True(p.IsOwed));

        // She books again: Paul sees what she owes on the new booking.
        var next = await Factory.VisitAsync(email, Visits.March(12, 10), status: AppointmentStatus.Requested);
        var page = ClientArrange.Text(await paul.GetStringAsync($"/admin/requests/{next.Id}"));
        Assert.Contains("This client owes £50:", page, StringComparison.Ordinal);
        Assert.Contains("no-show fee for 5 Mar 2027", page, StringComparison.Ordinal);

        // A stranger who types her address without signing in has a record of their own: it owes nothing.
        var stranger = await Visits.RequestAsync(Factory, Visits.March(12, 14), "Sam Stranger", email.ToUpperInvariant());
        var strangerPage = ClientArrange.Text(await paul.GetStringAsync($"/admin/requests/{stranger.Id}"));
        Assert.DoesNotContain("This client owes", strangerPage, StringComparison.Ordinal);
        Assert.Contains("an existing client (3 visits, who owes £50)", strangerPage, StringComparison.Ordinal);
        paul.Dispose();
    }
}
