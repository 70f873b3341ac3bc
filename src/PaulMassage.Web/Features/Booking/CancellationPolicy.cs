namespace PaulMassage.Web.Features.Booking;

/// <summary>Clients may cancel or move a visit themselves until 24 hours before it starts.</summary>
public static class CancellationPolicy
{
    public static readonly TimeSpan Notice = TimeSpan.FromHours(24);

    /// <summary>The policy in one sentence, as the terms page and the booking form state it.</summary>
    public static string Summary =>
        $"You can cancel or move a visit yourself, free of charge, up to {Notice.TotalHours:0} hours before it starts, from the link in your booking e-mail or your account. After that, please phone Paul.";

    public static bool ClientMayCancel(DateTime startUtc, DateTimeOffset now) =>
        startUtc - now.UtcDateTime >= Notice;
}
