using System.Text;
using QRCoder;

namespace PaulMassage.Web.Features.Account;

/// <summary>What an authenticator app needs: the shared key, readable, as an otpauth URI and as a QR code.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Paul Massage";

    /// <summary>The key in groups of four lower-case characters, easier to type.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code as an SVG image in a data: URI (allowed by the site's CSP; no script, no inline style on the page).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>Spaces and hyphens people type or paste are not part of the code.</summary>
    public static string CleanCode(string? code) =>
        new((code ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
}
