using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// The key-encryption certificate of this test run: made once per run (self-signed, with
/// <see cref="System.Security.Cryptography.X509Certificates.CertificateRequest"/>), written to the temp folder, never
/// kept. Every test site gets it through DataProtection:CertificatePath, as production does.
/// </summary>
public static class TestKeyCertificate
{
    private static readonly Lazy<string> Made = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "paulmassage-tests", $"key-encryption-{Guid.NewGuid():N}.pfx");
        using var certificate = KeyEncryption.NewSelfSigned("PaulMassage test run key encryption");
        KeyEncryption.WritePfx(certificate, path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public static string FilePath => Made.Value;
}
