using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>The addresses of a review's two links; their tokens are masked in the request log.</summary>
public static class ReviewPaths
{
    public static string Write(string token) => "/review/" + Uri.EscapeDataString(token);

    public static string StopAsking(string token) => "/no-review-requests/" + Uri.EscapeDataString(token);
}

/// <summary>
/// Whether the one after-visit e-mail asks for a review (<see cref="ReviewRules.ShouldInvite"/>),
/// and the client's one-click "stop asking me". Both follow the client record the visit belongs to,
/// never every record that shares its e-mail address: a booking made without signing in has a
/// provisional record of its own (<see cref="ClientIdentities"/>), and its booker may not own the
/// address, so their opt-out or invitations must not decide anything for the address's client.
/// </summary>
public sealed class ReviewInvitations(AppDbContext db, ClientIdentities identities, PracticeClock clock, IOptions<PracticeOptions> practice, ILogger<ReviewInvitations> logger)
{
    /// <summary>
    /// Adds the invitation for this visit to the DbContext when one is due (the caller saves it with
    /// the visit's outcome) and returns the links for the e-mail; null when none is due.
    /// </summary>
    public async Task<ReviewInvitationLinks?> InviteAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var client = appointment.Client ?? await db.Clients.FindAsync([appointment.ClientId], cancellationToken);
        if (client is null || client.ErasedUtc is not null)
        {
            return null;
        }

        var optedOut = client.NoReviewRequestsUtc is not null || await AddressOwnerRefusedAsync(client, cancellationToken);
        var earlier = await db.Reviews.AsNoTracking()
            .Where(r => r.Appointment!.ClientId == client.Id)
            .Select(r => new EarlierInvitation(r.InvitedUtc, r.CourseId))
            .ToListAsync(cancellationToken);
        var visitDay = clock.LocalDay(appointment.StartUtc);
        var courseId = await db.Courses.AsNoTracking()
            .Where(c => c.ClientId == appointment.ClientId && c.StartDate <= visitDay)
            .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var decision = ReviewRules.ShouldInvite(optedOut, earlier, courseId, clock.UtcNow);
        if (decision != InvitationDecision.Invite)
        {
            logger.LogInformation("Booking {Reference}: no review invitation ({Decision})", appointment.Reference, decision);
            return null;
        }

        var token = ManageToken.Create();
        var stop = ManageToken.Create();
        db.Reviews.Add(Review.Invite(appointment.Id, courseId, ManageToken.Hash(token), ManageToken.Hash(stop), clock.UtcNow));
        var baseUrl = practice.Value.BaseUrl.TrimEnd('/');
        return new ReviewInvitationLinks(baseUrl + ReviewPaths.Write(token), baseUrl + ReviewPaths.StopAsking(stop));
    }

    /// <summary>
    /// The one rule that reaches past the visit's own record, and only in one direction: a
    /// provisional record's invitation is e-mailed to its address, so when the address's own record
    /// (its owner proved the address, or Paul booked for them) refused review requests, that mail is
    /// not sent. This is about mail to the owner's inbox only: it changes nothing on the provisional
    /// record, and an opt-out on a provisional record (which anyone can give by typing the address)
    /// never reaches the address's record.
    /// </summary>
    private async Task<bool> AddressOwnerRefusedAsync(Client client, CancellationToken cancellationToken) =>
        client.Provisional
        && await identities.AddressRecordAsync(client.Email, cancellationToken) is { NoReviewRequestsUtc: not null };

    /// <summary>Whether the "stop asking me" link is a real one.</summary>
    public Task<bool> StopLinkExistsAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ManageToken.Hash(token);
        return db.Reviews.AnyAsync(r => r.UnsubscribeTokenHash == hash, cancellationToken);
    }

    /// <summary>
    /// The client asks not to be asked again: recorded on the visit's client record only (so it
    /// stops nothing of another record that shares the address). False when the link is unknown.
    /// </summary>
    public async Task<bool> StopAskingAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ManageToken.Hash(token);
        var client = await db.Reviews.Where(r => r.UnsubscribeTokenHash == hash).Select(r => r.Appointment!.Client).SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return false;
        }

        client.StopReviewRequests(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Client {ClientId} asked not to be invited to review again", client.Id);
        return true;
    }
}
