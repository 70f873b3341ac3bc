using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>The therapist's iCal feed: its secret address, and the visits it serves.</summary>
public sealed class CalendarFeedService(AppDbContext db, PracticeClock clock, ILogger<CalendarFeedService> logger)
{
    /// <summary>How far back the feed reaches, so last month's visits stay on the phone's calendar.</summary>
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(60);

    public static readonly TimeSpan FutureWindow = TimeSpan.FromDays(366);

    /// <summary>When the current address was made, or null when there is none yet.</summary>
    public async Task<DateTimeOffset?> CreatedAsync(CancellationToken cancellationToken = default)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return feed is null ? null : clock.ToLocal(feed.CreatedUtc);
    }

    /// <summary>Makes a new secret token; the old address stops working at once. The token is returned once and stored only as a hash.</summary>
    public async Task<string> RegenerateAsync(CancellationToken cancellationToken = default)
    {
        var token = ManageToken.Create();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { TokenHash = ManageToken.Hash(token), CreatedUtc = clock.UtcNow });
        }
        else
        {
            feed.TokenHash = ManageToken.Hash(token);
            feed.CreatedUtc = clock.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("The calendar feed address was regenerated");
        return token;
    }

    /// <summary>The feed for a token, or null when the token is not the current one.</summary>
    public async Task<string?> FeedAsync(string token, Uri siteBase, CancellationToken cancellationToken = default)
    {
        var hash = ManageToken.Hash(token);
        if (!await db.CalendarFeeds.AnyAsync(f => f.TokenHash == hash, cancellationToken))
        {
            return null;
        }

        var now = clock.UtcNow;
        var from = now - PastWindow;
        var to = now + FutureWindow;
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => (a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
                && a.StartUtc >= from && a.StartUtc < to)
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.Reference, ClientName = a.Client!.Name, a.Postcode, ServiceName = a.Service!.Name, a.StartUtc, a.EndUtc })
            .ToListAsync(cancellationToken);
        return VisitFeedWriter.Write(
            visits.Select(v => new FeedVisit(v.Id, v.Reference, VisitFeedWriter.FirstName(v.ClientName), v.Postcode, v.ServiceName, v.StartUtc, v.EndUtc)),
            now,
            siteBase);
    }
}
