using System.Security.Cryptography;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>Message-Id values: random, fixed when a message is queued, under the sender's domain.</summary>
public static class MessageIds
{
    public static string New(string fromAddress) =>
        $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{Domain(fromAddress)}";

    /// <summary>The part after the @ of an address, or "localhost" when there is none.</summary>
    public static string Domain(string address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at >= 0 && at < address!.Length - 1 ? address[(at + 1)..].Trim().TrimEnd('>') : "localhost";
    }
}
