using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheNotificationTemplates
{
    private static readonly PracticeFacts Practice = new("Paul Massage", "Paul", "07700 900123", "hello@paulmassage.example", "https://paulmassage.example/");

    private static VisitFacts Visit(string? manageUrl = "https://paulmassage.example/bookings/Tok3n", string name = "Ann Client") => new(
        "PM-ABC234", name, "ann@example.com", "07700 900456", "Deep tissue massage", 60, 65m,
        new DateTimeOffset(2027, 3, 29, 10, 0, 0, TimeSpan.FromHours(1)), "SE1 7PB", manageUrl);

    [Fact]
    public void both_parts_say_when_what_where_and_how_to_manage_it()
    {
        var content = NotificationTemplates.Confirmed(Practice, Visit());

        foreach (var part in new[] { content.Text, content.Html })
        {
            Assert.Contains("Monday 29 March 2027 at 10:00", part, StringComparison.Ordinal);
            Assert.Contains("Deep tissue massage, 60 minutes", part, StringComparison.Ordinal);
            Assert.Contains("£65", part, StringComparison.Ordinal);
            Assert.DoesNotContain("£65.00", part, StringComparison.Ordinal);
            Assert.Contains("SE1 7PB", part, StringComparison.Ordinal);
            Assert.Contains("PM-ABC234", part, StringComparison.Ordinal);
            Assert.Contains("https://paulmassage.example/bookings/Tok3n", part, StringComparison.Ordinal);
            Assert.Contains("07700 900123", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void without_a_manage_link_the_client_is_told_how_to_get_in_touch()
    {
        var content = NotificationTemplates.Reminder(Practice, Visit(manageUrl: null), new DateOnly(2027, 3, 28));

        Assert.DoesNotContain("/bookings/", content.Text, StringComparison.Ordinal);
        Assert.Contains("reply to this e-mail or phone 07700 900123, quoting PM-ABC234", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void the_html_part_encodes_what_people_typed()
    {
        var content = NotificationTemplates.Declined(Practice, Visit(name: "<b>Ann</b>&Co Smith"), "Fully booked <script>");

        Assert.Contains("Dear &lt;b&gt;Ann&lt;/b&gt;&amp;Co,", content.Html, StringComparison.Ordinal);
        Assert.Contains("Fully booked &lt;script&gt;", content.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", content.Html, StringComparison.Ordinal);
        Assert.Contains("Fully booked <script>", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void a_flagged_request_is_marked_in_the_therapists_subject_only()
    {
        var flagged = NotificationTemplates.TherapistNewRequest(Practice, Visit(), needsReview: true);
        var plain = NotificationTemplates.TherapistNewRequest(Practice, Visit(), needsReview: false);

        Assert.Equal("[Needs review] New request PM-ABC234: Mon 29 Mar 10:00, Deep tissue massage (60 min)", flagged.Subject);
        Assert.Equal("New request PM-ABC234: Mon 29 Mar 10:00, Deep tissue massage (60 min)", plain.Subject);
        Assert.Contains("https://paulmassage.example/admin", flagged.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(28, "Reminder: your massage tomorrow at 10:00")]
    [InlineData(29, "Reminder: your massage today at 10:00")]
    [InlineData(26, "Reminder: your massage on Monday 29 March at 10:00")]
    public void the_reminder_says_tomorrow_only_when_it_is(int today, string subject) =>
        Assert.Equal(subject, NotificationTemplates.Reminder(Practice, Visit(), new DateOnly(2027, 3, today)).Subject);

    [Fact]
    public void a_cancellation_by_the_therapist_gives_his_reason_and_one_by_the_client_thanks_them()
    {
        var byPaul = NotificationTemplates.Cancelled(Practice, Visit(), ChangedBy.Therapist, "My car has broken down.", calendarCancellationAttached: true);
        var byClient = NotificationTemplates.Cancelled(Practice, Visit(), ChangedBy.Client, null, calendarCancellationAttached: true);

        Assert.Contains("Paul's reason: My car has broken down.", byPaul.Text, StringComparison.Ordinal);
        Assert.Contains("Thank you for letting Paul know.", byClient.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void the_aftercare_links_to_the_next_session_and_gives_safety_advice()
    {
        var content = NotificationTemplates.Aftercare(Practice, Visit(), "https://paulmassage.example/book/slots?service=deep-tissue-massage&minutes=60", "https://paulmassage.example/bookings/abc/plan");

        Assert.Contains("https://paulmassage.example/book/slots?service=deep-tissue-massage&minutes=60", content.Text, StringComparison.Ordinal);
        Assert.Contains("https://paulmassage.example/book/slots?service=deep-tissue-massage&amp;minutes=60", content.Html, StringComparison.Ordinal);
        Assert.Contains("NHS 111", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("receipt", content.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void the_after_visit_email_names_the_day_of_the_visit_and_links_to_the_clients_own_plan_instead_of_general_advice()
    {
        var visit = Visit();
        var content = NotificationTemplates.Aftercare(Practice, visit, "https://paulmassage.example/book", "https://paulmassage.example/bookings/abc/plan");
        var day = visit.LocalStart.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        Assert.Contains($"round on {day}.", content.Text, StringComparison.Ordinal);
        Assert.Contains($"After your massage on {day}", content.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("today", content.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("See your plan:\r\nhttps://paulmassage.example/bookings/abc/plan", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Drink plenty of water", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tennis ball", content.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void the_after_visit_email_of_a_paid_visit_links_to_its_receipt()
    {
        var content = NotificationTemplates.Aftercare(Practice, Visit(), "https://paulmassage.example/book", "https://paulmassage.example/bookings/abc/plan", "https://paulmassage.example/bookings/abc/receipt");

        Assert.Contains("Download your receipt (PDF)", content.Text, StringComparison.Ordinal);
        Assert.Contains("https://paulmassage.example/bookings/abc/receipt", content.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://paulmassage.example/bookings/abc/receipt\"", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void the_after_visit_email_asks_for_a_review_only_when_given_the_links_and_offers_the_way_out()
    {
        var without = NotificationTemplates.Aftercare(Practice, Visit(), "https://paulmassage.example/book", "https://paulmassage.example/bookings/abc/plan");
        var with = NotificationTemplates.Aftercare(Practice, Visit(), "https://paulmassage.example/book", "https://paulmassage.example/bookings/abc/plan", review:
            new ReviewInvitationLinks("https://paulmassage.example/review/abc", "https://paulmassage.example/no-review-requests/def"));

        Assert.DoesNotContain("review", without.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Write a review:\r\nhttps://paulmassage.example/review/abc", with.Text, StringComparison.Ordinal);
        Assert.Contains("Stop asking me for reviews:\r\nhttps://paulmassage.example/no-review-requests/def", with.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://paulmassage.example/no-review-requests/def\"", with.Html, StringComparison.Ordinal);
        Assert.Equal(without.Subject, with.Subject);
    }

    [Fact]
    public void the_text_part_uses_crlf_line_ends_and_signs_off_with_the_practice()
    {
        var content = NotificationTemplates.RequestReceived(Practice, Visit());

        Assert.DoesNotContain("\n", content.Text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("Phone 07700 900123 · hello@paulmassage.example\r\nhttps://paulmassage.example\r\n", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void the_client_greeting_uses_the_first_name()
    {
        var content = NotificationTemplates.Confirmed(Practice, Visit(name: "Sarah Okafor"));

        Assert.StartsWith("Dear Sarah,", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear Sarah Okafor", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void a_cancelled_request_that_was_never_confirmed_mentions_no_attachment()
    {
        var request = NotificationTemplates.Cancelled(Practice, Visit(), ChangedBy.Client, null, calendarCancellationAttached: false);
        var confirmed = NotificationTemplates.Cancelled(Practice, Visit(), ChangedBy.Client, null, calendarCancellationAttached: true);

        Assert.DoesNotContain("attached", request.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the attached cancellation removes it", confirmed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void the_moved_e_mail_says_the_visit_has_moved_whoever_moved_it()
    {
        var previous = new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero);

        var byClient = NotificationTemplates.Moved(Practice, Visit(), previous, ChangedBy.Client, confirmed: false);
        var byPaul = NotificationTemplates.Moved(Practice, Visit(), previous, ChangedBy.Therapist, confirmed: true);

        Assert.Contains("As you asked, your visit has moved from Monday 22 March 2027 at 09:00 to Monday 29 March 2027 at 10:00.", byClient.Text, StringComparison.Ordinal);
        Assert.Contains("Paul has moved your visit from Monday 22 March 2027 at 09:00 to Monday 29 March 2027 at 10:00.", byPaul.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void a_proposed_time_without_a_manage_link_says_how_to_answer_instead_of_pointing_at_a_booking_page()
    {
        var noLink = NotificationTemplates.AlternativeProposed(Practice, Visit(manageUrl: null), new DateTimeOffset(2027, 3, 30, 11, 0, 0, TimeSpan.FromHours(1)), null);
        var withLink = NotificationTemplates.AlternativeProposed(Practice, Visit(), new DateTimeOffset(2027, 3, 30, 11, 0, 0, TimeSpan.FromHours(1)), null);

        Assert.DoesNotContain("booking page", noLink.Text, StringComparison.Ordinal);
        Assert.Contains("reply to this e-mail or phone 07700 900123 to accept the new time or turn it down, quoting PM-ABC234", noLink.Text, StringComparison.Ordinal);
        Assert.Contains("on your booking page", withLink.Text, StringComparison.Ordinal);
        Assert.Contains("https://paulmassage.example/bookings/Tok3n", withLink.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void the_request_received_e_mail_states_the_reply_time_from_the_practice_settings()
    {
        var content = NotificationTemplates.RequestReceived(Practice with { ReplyTime = "within two hours" }, Visit());

        Assert.Contains("usually within two hours", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void tell_paul_the_client_took_his_proposed_time()
    {
        var content = NotificationTemplates.TherapistAccepted(Practice, Visit());

        Assert.Equal("Accepted by the client: PM-ABC234, confirmed for Mon 29 Mar 10:00", content.Subject);
        Assert.Contains("The client has accepted the time you proposed. The visit is now confirmed for Monday 29 March 2027 at 10:00", content.Text, StringComparison.Ordinal);
        Assert.Contains("https://paulmassage.example/admin", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "their whole record")]
    [InlineData(false, "one booking")]
    public void tell_paul_of_an_erasure_request_with_its_deadline_and_nobody_named(bool wholeRecord, string covers)
    {
        var content = NotificationTemplates.TherapistErasureRequested(Practice, wholeRecord, new DateOnly(2027, 4, 4));

        Assert.Equal("Erasure requested: due by 4 Apr 2027", content.Subject);
        Assert.Contains($"A client has asked for {covers} to be erased.", content.Text, StringComparison.Ordinal);
        Assert.Contains("complete it by Sunday 4 April 2027", content.Text, StringComparison.Ordinal);
        Assert.Contains("https://paulmassage.example/admin/erasure-requests", content.Html, StringComparison.Ordinal);
    }
}
