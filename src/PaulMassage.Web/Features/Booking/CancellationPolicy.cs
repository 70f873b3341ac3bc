namespace PaulMassage.Web.Features.Booking;

/// <summary>Clients may cancel or move a visit themselves until 24 hours before it starts.</summary>
public static class CancellationPolicy
{
    public static readonly TimeSpan Notice = TimeSpan.FromHours(24);

    public static bool ClientMayCancel(DateTime startUtc, DateTimeOffset now) =>
        startUtc - now.UtcDateTime >= Notice;
}
