using System.Globalization;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>Who the e-mails come from and how to reach them.</summary>
public sealed record PracticeFacts(string Name, string TherapistName, string Phone, string Email, string BaseUrl, string ReplyTime = PracticeOptions.DefaultReplyTime)
{
    public static PracticeFacts From(PracticeOptions practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return new(practice.Name, practice.TherapistName, practice.Phone, practice.Email, practice.BaseUrl, practice.ReplyTime);
    }
}

/// <summary>
/// What an e-mail may say about a visit. Deliberately no intake answers, treatment notes or other
/// health data, and the address only as a postcode.
/// </summary>
public sealed record VisitFacts(
    string Reference,
    string ClientName,
    string ClientEmail,
    string ClientPhone,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    DateTimeOffset LocalStart,
    string Postcode,
    string? ManageUrl);

/// <summary>
/// The two links of a booking made without signing in, to the address it gave: "it was me" proves
/// the address; "it was not me" tells Paul. Both open a page with a button, so a mail scanner that
/// follows links answers nothing.
/// </summary>
public sealed record AddressCheckLinks(string ItWasMeUrl, string NotMeUrl);

/// <summary>
/// The review invitation's two links in the after-visit e-mail: the one-time review form, and the
/// one-click "stop asking me" (also sent as the List-Unsubscribe header).
/// </summary>
public sealed record ReviewInvitationLinks(string ReviewUrl, string UnsubscribeUrl);

public enum ChangedBy
{
    Client,
    Therapist,
}

/// <summary>
/// The words of every e-mail the site sends, in British English. Plain functions from facts to
/// content, with no database and no clock, so each message can be read and tested on its own.
/// </summary>
public static class NotificationTemplates
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Monday 29 March 2027 at 10:00".</summary>
    public static string LongDate(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy 'at' HH:mm", British);

    /// <summary>"Mon 29 Mar 10:00", for subjects.</summary>
    public static string ShortDate(DateTimeOffset local) => local.ToString("ddd d MMM HH:mm", British);

    public static EmailContent RequestReceived(PracticeFacts practice, VisitFacts visit, AddressCheckLinks? addressCheck = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"Thank you for asking for a home visit. {practice.TherapistName} will look at your request and confirm it, usually {practice.ReplyTime}. Nothing is booked until you receive a confirmation e-mail.")
            .Details(VisitRows(visit));
        ManageLink(body, practice, visit, "See, change or cancel your request");
        if (addressCheck is not null)
        {
            body.Paragraph("Please confirm that this e-mail address is yours. Once you have, this booking can join your other visits and your account with us.")
                .Link("Yes, I asked for this visit", addressCheck.ItWasMeUrl)
                .Paragraph($"Did not ask for this visit? Someone may have typed your address by mistake. Tell {practice.TherapistName} and he will look into it; nothing of yours is shown to them.")
                .Link("This was not me", addressCheck.NotMeUrl);
        }

        return body.Build($"Request received: {visit.ServiceName} on {ShortDate(visit.LocalStart)} ({visit.Reference})", Footer(practice));
    }

    /// <param name="howToPay">How and when to pay (the payment settings, in one paragraph); left out when null.</param>
    public static EmailContent Confirmed(PracticeFacts practice, VisitFacts visit, string? howToPay = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"Good news: {practice.TherapistName} has confirmed your home visit. The attached invitation adds it to your calendar.")
            .Details(VisitRows(visit));
        if (howToPay is not null)
        {
            body.Heading("How to pay").Paragraph(howToPay);
        }

        body
            .Paragraph($"{practice.TherapistName} brings the treatment table, fresh linen and oils. Please have a space of about 2 by 3 metres clear, and wear something comfortable.")
            .Paragraph("If you need to cancel, please do so at least 24 hours before the visit.");
        ManageLink(body, practice, visit, "See, change or cancel your visit");
        return body.Build($"Confirmed: your massage on {LongDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>
    /// The one e-mail for a course or repeating series Paul booked: every visit's time, and one link
    /// that manages them all (or, without one, how to get in touch). No health details.
    /// </summary>
    public static EmailContent SeriesBooked(PracticeFacts practice, IReadOnlyList<VisitFacts> visits, string? seriesUrl, bool partOfCourse, string? howToPay = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visits);
        var first = visits[0];
        var body = Greeting(first)
            .Paragraph($"{practice.TherapistName} has booked and confirmed {visits.Count} home visits for you{(partOfCourse ? ", for your course of treatment" : string.Empty)}:")
            .Bullets([.. visits.Select(v => $"{LongDate(v.LocalStart)} (reference {v.Reference})")])
            .Details(
                ("Treatment", $"{first.ServiceName}, {first.DurationMinutes} minutes"),
                ("Price", $"{Wording.Money(first.PriceGbp)} a visit"),
                ("Where", $"Your home, postcode {first.Postcode}"));
        if (howToPay is not null)
        {
            body.Heading("How to pay").Paragraph(howToPay);
        }

        body.Paragraph("If you need to cancel a visit, please do so at least 24 hours before it.");
        if (seriesUrl is not null)
        {
            body.Link("See your visits, or cancel the rest", seriesUrl);
        }
        else
        {
            body.Paragraph($"To change anything, reply to this e-mail or phone {practice.Phone}, quoting {first.Reference}.");
        }

        return body.Build($"Confirmed: your {visits.Count} massage visits from {first.LocalStart.ToString("d MMMM", British)}", Footer(practice));
    }

    public static EmailContent Declined(PracticeFacts practice, VisitFacts visit, string? reason)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"Thank you for your request. Sorry, but {practice.TherapistName} cannot take your visit on {LongDate(visit.LocalStart)}.");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            body.Paragraph($"{practice.TherapistName}'s reason: {reason.Trim()}");
        }

        body.Details(VisitRows(visit))
            .Paragraph("You are welcome to ask for another time, or to reply to this e-mail with any questions.")
            .Link("Ask for another time", $"{Base(practice)}/book");
        return body.Build($"Sorry, {practice.TherapistName} cannot take your request for {visit.LocalStart.ToString("dddd d MMMM", British)}", Footer(practice));
    }

    public static EmailContent AlternativeProposed(PracticeFacts practice, VisitFacts visit, DateTimeOffset proposedLocalStart, string? note)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"{practice.TherapistName} cannot come on {LongDate(visit.LocalStart)}, but could visit you on {LongDate(proposedLocalStart)} instead.");
        if (!string.IsNullOrWhiteSpace(note))
        {
            body.Paragraph($"{practice.TherapistName} adds: {note.Trim()}");
        }

        body.Details(
                ("Suggested time", LongDate(proposedLocalStart)),
                ("Treatment", $"{visit.ServiceName}, {visit.DurationMinutes} minutes"),
                ("Reference", visit.Reference))
            .Paragraph(visit.ManageUrl is null
                ? $"Please reply to this e-mail or phone {practice.Phone} to accept the new time or turn it down, quoting {visit.Reference}; the time is held for you until then."
                : "Please accept the new time or turn it down on your booking page (the link below); the time is held for you until then.");
        if (visit.ManageUrl is not null)
        {
            body.Link("Answer the suggestion", visit.ManageUrl);
        }
        return body.Build($"{practice.TherapistName} suggests another time for your massage ({visit.Reference})", Footer(practice));
    }

    /// <param name="calendarCancellationAttached">True when the visit had been confirmed (so was in the client's calendar) and an .ics cancellation goes with the e-mail.</param>
    public static EmailContent Cancelled(PracticeFacts practice, VisitFacts visit, ChangedBy by, string? reason, bool calendarCancellationAttached)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph(by == ChangedBy.Client
                ? $"As you asked, your visit on {LongDate(visit.LocalStart)} is cancelled. Thank you for letting {practice.TherapistName} know."
                : $"Sorry: {practice.TherapistName} has had to cancel your visit on {LongDate(visit.LocalStart)}.");
        if (by == ChangedBy.Therapist && !string.IsNullOrWhiteSpace(reason))
        {
            body.Paragraph($"{practice.TherapistName}'s reason: {reason.Trim()}");
        }

        body.Details(VisitRows(visit));
        if (calendarCancellationAttached)
        {
            body.Paragraph("If your calendar still shows the visit, the attached cancellation removes it.");
        }

        body.Link("Book another visit", $"{Base(practice)}/book");
        return body.Build($"Cancelled: your massage on {LongDate(visit.LocalStart)}", Footer(practice));
    }

    public static EmailContent Moved(PracticeFacts practice, VisitFacts visit, DateTimeOffset previousLocalStart, ChangedBy by, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var change = $"from {LongDate(previousLocalStart)} to {LongDate(visit.LocalStart)}";
        var body = Greeting(visit)
            .Paragraph(by == ChangedBy.Client
                ? $"As you asked, your visit has moved {change}."
                : $"{practice.TherapistName} has moved your visit {change}.")
            .Details(VisitRows(visit))
            .Paragraph(confirmed
                ? "The attached invitation updates the visit in your calendar."
                : $"{practice.TherapistName} will confirm the new time by e-mail.");
        ManageLink(body, practice, visit, "See, change or cancel your visit");
        return body.Build($"Moved: your massage is now on {LongDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>The day-before reminder; <paramref name="today"/> decides between "tomorrow" and a date.</summary>
    public static EmailContent Reminder(PracticeFacts practice, VisitFacts visit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var day = DateOnly.FromDateTime(visit.LocalStart.DateTime);
        var when = day == today.AddDays(1) ? "tomorrow" : day == today ? "today" : $"on {visit.LocalStart.ToString("dddd d MMMM", British)}";
        var time = visit.LocalStart.ToString("HH:mm", British);
        var body = Greeting(visit)
            .Paragraph($"A reminder that {practice.TherapistName} is coming to you {when} at {time} ({visit.ServiceName}, {visit.DurationMinutes} minutes).")
            .Details(VisitRows(visit))
            .Bullets(
                "Please clear a space of about 2 by 3 metres for the treatment table.",
                "Wear something comfortable, and have a glass of water before the visit.",
                $"If anything has changed in your health since you booked, please tell {practice.TherapistName} before the treatment starts.")
            .Paragraph($"If you can no longer make it, please phone {practice.Phone} as soon as possible.");
        ManageLink(body, practice, visit, "See your visit");
        return body.Build($"Reminder: your massage {when} at {time}", Footer(practice));
    }

    /// <summary>"I'm on my way", sent by Paul from his day agenda with the time he expects to arrive.</summary>
    public static EmailContent OnMyWay(PracticeFacts practice, VisitFacts visit, DateTimeOffset arrivalLocal)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var arrival = arrivalLocal.ToString("HH:mm", British);
        var body = Greeting(visit)
            .Paragraph($"{practice.TherapistName} is on his way to you and expects to arrive at about {arrival}.")
            .Details(VisitRows(visit))
            .Paragraph($"If you need to reach him on the way, phone {practice.Phone}.");
        return body.Build($"{practice.TherapistName} is on his way: arriving at about {arrival}", Footer(practice));
    }

    /// <summary>
    /// After the visit, the one e-mail: it names the day of the visit and links to the client's own
    /// plan from it (<paramref name="planUrl"/>: the booking's plan page, or their account's), in place
    /// of advice that would be the same for everyone; the plan itself, health data, stays on the site.
    /// Then the next session, the receipt when the visit was paid, and the review invitation when due.
    /// </summary>
    public static EmailContent Aftercare(PracticeFacts practice, VisitFacts visit, string bookAgainUrl, string planUrl, string? receiptUrl = null, ReviewInvitationLinks? review = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var day = visit.LocalStart.ToString("dddd d MMMM", British);
        var body = Greeting(visit)
            .Paragraph($"Thank you for having {practice.TherapistName} round on {day}.")
            .Paragraph($"{practice.TherapistName} writes up a plan for you after each visit: the treatments he used and suggests next, and the exercises and advice he chose for you to follow at home. Your plan from {day} is on your private page, ready to print. If it is not there yet when you look, he will add it the same day.")
            .Link("See your plan", planUrl)
            .Paragraph("If the pain gets much worse, or you notice numbness, weakness in the legs or problems with your bladder or bowels, do not wait for the next visit: call NHS 111, or 999 in an emergency.")
            .Paragraph("Back pain usually eases best over a short course of regular sessions rather than a single visit. When you are ready, book your next one:")
            .Link("Book your next session", bookAgainUrl);
        if (receiptUrl is not null)
        {
            body.Paragraph($"Your receipt for the visit of {day}, for your records or a health cash plan claim, is ready to download:")
                .Link("Download your receipt (PDF)", receiptUrl);
        }

        if (review is not null)
        {
            body.Heading("Would you write a short review?")
                .Paragraph($"A few words about your visit help other people with back pain decide whether to ask {practice.TherapistName} round. You choose from one to five stars, and whether your first name and area are shown with it; without your agreement it is never published. The link works once, for {Reviews.Review.LinkLifetime.Days} days.")
                .Link("Write a review", review.ReviewUrl)
                .Paragraph("Rather not be asked? One click and we will not ask you for a review again:")
                .Link("Stop asking me for reviews", review.UnsubscribeUrl);
        }

        return body.Build($"After your massage on {day}: your plan and your next session ({visit.Reference})", Footer(practice));
    }

    /// <summary>
    /// The check-in before a visit of a course: the one-time link to two questions (and the red-flag
    /// questions again). Says nothing of the client's health; the answers go only to the site.
    /// </summary>
    public static EmailContent CheckIn(PracticeFacts practice, VisitFacts visit, string checkInUrl)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"Your next visit is on {LongDate(visit.LocalStart)}. So that {practice.TherapistName} can plan it, how has your back been since the last one? Two short questions, a minute at most:")
            .Link("Answer the two questions", checkInUrl)
            .Paragraph("The link works once, until your visit. Rather not be asked between visits? The page has a button that stops these check-ins.");
        return body.Build($"How is your back? Two questions before your visit on {ShortDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>
    /// To Paul: a check-in needs him before the visit (a red flag, or pain clearly worse). The answers
    /// stay on the site, behind his sign-in; the e-mail names only the visit.
    /// </summary>
    public static EmailContent CheckInAlert(PracticeFacts practice, VisitFacts visit, string visitUrl)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph($"A client's check-in before the visit {visit.Reference} on {LongDate(visit.LocalStart)} needs a look before you set off. Open the visit to read it:")
            .Link("Open the visit", visitUrl);
        return body.Build($"Check-in needs a look: {visit.Reference}, {ShortDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>A fresh link to a booking whose old link had expired, asked for on the expiry page.</summary>
    public static EmailContent NewManageLink(PracticeFacts practice, VisitFacts visit)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = Greeting(visit)
            .Paragraph($"Someone asked for a new link to your booking {visit.Reference} ({visit.ServiceName} on {LongDate(visit.LocalStart)}). Here it is; the old link no longer works.");
        ManageLink(body, practice, visit, "See your booking");
        body.Paragraph($"If you did not ask for it, you can ignore this e-mail: the link is only ever sent to you. Questions? Phone {practice.Phone}.");
        return body.Build($"Your new link to booking {visit.Reference}", Footer(practice));
    }

    public static EmailContent TherapistNewRequest(PracticeFacts practice, VisitFacts visit, bool needsReview)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph(needsReview
                ? "A new request is waiting for your answer. Screening marked it NEEDS REVIEW: read the intake in the back office before you confirm."
                : "A new request is waiting for your answer.")
            .Details(TherapistRows(visit))
            .Link("Open the back office", $"{Base(practice)}/admin");
        var flag = needsReview ? "[Needs review] " : string.Empty;
        return body.Build($"{flag}New request {visit.Reference}: {ShortDate(visit.LocalStart)}, {visit.ServiceName} ({visit.DurationMinutes} min)", Footer(practice));
    }

    public static EmailContent TherapistCancelled(PracticeFacts practice, VisitFacts visit)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph("The client has cancelled this visit online. The time is free again in the calendar.")
            .Details(TherapistRows(visit))
            .Link("Open the back office", $"{Base(practice)}/admin");
        return body.Build($"Cancelled by the client: {visit.Reference}, {ShortDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>The client cancelled the rest of a series in one step: the visits cancelled, and those inside the notice period that stay.</summary>
    public static EmailContent SeriesCancelled(PracticeFacts practice, IReadOnlyList<VisitFacts> cancelled, IReadOnlyList<VisitFacts> kept)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(cancelled);
        ArgumentNullException.ThrowIfNull(kept);
        var body = Greeting(cancelled[0])
            .Paragraph(cancelled.Count == 1 ? "As you asked, this visit is cancelled:" : $"As you asked, these {cancelled.Count} visits are cancelled:")
            .Bullets([.. cancelled.Select(v => $"{LongDate(v.LocalStart)} (reference {v.Reference})")]);
        if (kept.Count > 0)
        {
            body.Paragraph("Within 24 hours of its start a visit cannot be cancelled online, so this stays booked; to call it off, please phone " + practice.TherapistName + " on " + practice.Phone + ":")
                .Bullets([.. kept.Select(v => $"{LongDate(v.LocalStart)} (reference {v.Reference})")]);
        }

        body.Paragraph("You are welcome to book again whenever you like.")
            .Link("Book a home visit", $"{Base(practice)}/book");
        return body.Build(cancelled.Count == 1 ? "Cancelled: your massage visit" : $"Cancelled: {cancelled.Count} massage visits", Footer(practice));
    }

    /// <summary>Paul is told which visits of a series the client cancelled in one step.</summary>
    public static EmailContent TherapistSeriesCancelled(PracticeFacts practice, IReadOnlyList<VisitFacts> cancelled, IReadOnlyList<VisitFacts> kept)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(cancelled);
        ArgumentNullException.ThrowIfNull(kept);
        var body = new EmailBody()
            .Paragraph($"{cancelled[0].ClientName} cancelled the rest of their series online. These times are free again in the calendar:")
            .Bullets([.. cancelled.Select(v => $"{ShortDate(v.LocalStart)}, {v.Reference}")]);
        if (kept.Count > 0)
        {
            body.Paragraph("Inside the 24 hours, so still booked:").Bullets([.. kept.Select(v => $"{ShortDate(v.LocalStart)}, {v.Reference}")]);
        }

        body.Link("Open the back office", $"{Base(practice)}/admin");
        return body.Build($"Series cancelled by the client: {cancelled.Count} {(cancelled.Count == 1 ? "visit" : "visits")} from {ShortDate(cancelled[0].LocalStart)}", Footer(practice));
    }

    public static EmailContent TherapistNotMe(PracticeFacts practice, VisitFacts visit)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph($"Someone reading {visit.ClientEmail} says they did not ask for this visit. The booker may have typed the address by mistake, or used someone else's. The request is flagged in the back office; check with the booker by phone before you confirm it.")
            .Details(TherapistRows(visit))
            .Link("Open the request", $"{Base(practice)}/admin");
        return body.Build($"[Not me] {visit.Reference}: the e-mail address's owner did not make this request", Footer(practice));
    }

    public static EmailContent TherapistMoved(PracticeFacts practice, VisitFacts visit, DateTimeOffset previousLocalStart)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph($"The client has moved this visit from {LongDate(previousLocalStart)} to {LongDate(visit.LocalStart)}.")
            .Details(TherapistRows(visit))
            .Link("Open the back office", $"{Base(practice)}/admin");
        return body.Build($"Moved by the client: {visit.Reference}, now {ShortDate(visit.LocalStart)}", Footer(practice));
    }

    public static EmailContent TherapistAccepted(PracticeFacts practice, VisitFacts visit)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var body = new EmailBody()
            .Paragraph($"The client has accepted the time you proposed. The visit is now confirmed for {LongDate(visit.LocalStart)}, and the time they first asked for is free again.")
            .Details(TherapistRows(visit))
            .Link("Open the back office", $"{Base(practice)}/admin");
        return body.Build($"Accepted by the client: {visit.Reference}, confirmed for {ShortDate(visit.LocalStart)}", Footer(practice));
    }

    /// <summary>No name or address: the e-mail outlives the erasure it announces (Paul reads who in the back office).</summary>
    public static EmailContent TherapistErasureRequested(PracticeFacts practice, bool wholeRecord, DateOnly dueDate)
    {
        ArgumentNullException.ThrowIfNull(practice);
        var covers = wholeRecord ? "their whole record" : "one booking";
        var body = new EmailBody()
            .Paragraph($"A client has asked for {covers} to be erased. The law gives you one month to answer: complete it by {dueDate.ToString("dddd d MMMM yyyy", British)}.")
            .Paragraph("Check with the client, using the contact details on file, that they really asked before you complete it: completing it cannot be undone.")
            .Link("Open the erasure requests", $"{Base(practice)}/admin/erasure-requests");
        return body.Build($"Erasure requested: due by {dueDate.ToString("d MMM yyyy", British)}", Footer(practice));
    }

    public static EmailContent AccountConfirmation(PracticeFacts practice, string link)
    {
        ArgumentNullException.ThrowIfNull(practice);
        var body = new EmailBody()
            .Paragraph("Hello,")
            .Paragraph($"Please confirm that this e-mail address belongs to you to finish setting up your {practice.Name} account.")
            .Link("Confirm my e-mail address", link)
            .Paragraph("If you did not create an account, you can ignore this e-mail.");
        return body.Build($"Confirm your e-mail address for {practice.Name}", Footer(practice));
    }

    public static EmailContent PasswordResetLink(PracticeFacts practice, string link)
    {
        ArgumentNullException.ThrowIfNull(practice);
        var body = new EmailBody()
            .Paragraph("Hello,")
            .Paragraph($"Someone asked to reset the password of your {practice.Name} account. If it was you, choose a new password here:")
            .Link("Choose a new password", link)
            .Paragraph("If you did not ask for this, ignore this e-mail: your password stays as it is.");
        return body.Build($"Reset your {practice.Name} password", Footer(practice));
    }

    public static EmailContent PasswordResetCode(PracticeFacts practice, string code)
    {
        ArgumentNullException.ThrowIfNull(practice);
        var body = new EmailBody()
            .Paragraph("Hello,")
            .Paragraph($"Someone asked to reset the password of your {practice.Name} account. If it was you, enter this code:")
            .Details(("Code", code))
            .Paragraph("If you did not ask for this, ignore this e-mail: your password stays as it is.");
        return body.Build($"Your {practice.Name} password reset code", Footer(practice));
    }

    private static EmailBody Greeting(VisitFacts visit) => new EmailBody().Paragraph($"Dear {Wording.FirstName(visit.ClientName)},");

    private static (string, string)[] VisitRows(VisitFacts visit) =>
    [
        ("When", LongDate(visit.LocalStart)),
        ("Treatment", $"{visit.ServiceName}, {visit.DurationMinutes} minutes"),
        ("Price", Wording.Money(visit.PriceGbp)),
        ("Where", $"Your home, postcode {visit.Postcode}"),
        ("Reference", visit.Reference),
    ];

    private static (string, string)[] TherapistRows(VisitFacts visit) =>
    [
        ("When", LongDate(visit.LocalStart)),
        ("Treatment", $"{visit.ServiceName}, {visit.DurationMinutes} minutes"),
        ("Client", visit.ClientName),
        ("Phone", visit.ClientPhone),
        ("Postcode", visit.Postcode),
        ("Reference", visit.Reference),
    ];

    private static void ManageLink(EmailBody body, PracticeFacts practice, VisitFacts visit, string label)
    {
        if (visit.ManageUrl is not null)
        {
            body.Link(label, visit.ManageUrl);
        }
        else
        {
            body.Paragraph($"To change anything, reply to this e-mail or phone {practice.Phone}, quoting {visit.Reference}.");
        }
    }

    private static string Base(PracticeFacts practice) => practice.BaseUrl.TrimEnd('/');

    private static string Footer(PracticeFacts practice) =>
        $"{practice.Name}: mobile massage for back pain\nPhone {practice.Phone} · {practice.Email}\n{Base(practice)}";
}
