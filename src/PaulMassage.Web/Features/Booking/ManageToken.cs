using System.Security.Cryptography;
using System.Text;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The secret in a client's manage link. Only its SHA-256 is stored, so a copy of the database
/// does not hand out working links.
/// </summary>
public static class ManageToken
{
    /// <summary>256 random bits as lower-case hex.</summary>
    public static string Create() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The manage page's path, with the token escaped.</summary>
    public static string ManagePath(string token) => "/bookings/" + Uri.EscapeDataString(token);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>A short reference a person can read out on the phone, from an alphabet without 0/O or 1/I.</summary>
    public static string CreateReference()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return "PM-" + new string(chars);
    }
}
