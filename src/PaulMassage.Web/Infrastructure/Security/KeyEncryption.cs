using System.Data.Common;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// The secret that encrypts the Data Protection key ring, kept outside the database: a PFX
/// certificate file. Without it a copy of the database (a stolen file, a leaked backup) would hold
/// the keys to everything encrypted in it. Outside Development the site does not start without one;
/// Development makes one once in the user profile, never in the repository.
/// </summary>
public static class KeyEncryption
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>Older certificates, still able to read keys they encrypted (after a rotation), separated by ';'.</summary>
    public const string PreviousCertificatePathsSetting = "DataProtection:PreviousCertificatePaths";

    /// <summary>What to set, word for word in the start-up failure.</summary>
    public static readonly string MissingMessage =
        "The Data Protection key ring needs a key-encryption certificate kept outside the database, and none is set. "
        + "Set DataProtection__CertificatePath (or DataProtection:CertificatePath in configuration) to a PFX file with its private key, "
        + "and DataProtection__CertificatePassword if the file has a password; with systemd, pass the file as a credential "
        + "(LoadCredential=dp.pfx:/etc/paulmassage/dp.pfx) and set DataProtection__CertificatePath=%d/dp.pfx. "
        + "Make one with: openssl req -x509 -newkey rsa:3072 -nodes -days 36500 -subj /CN=paulmassage-data-protection -keyout dp.key -out dp.crt "
        + "&& openssl pkcs12 -export -inkey dp.key -in dp.crt -out dp.pfx -passout pass: (see docs/deploy.md). Keep a copy of it away from the database's backups: without it nothing encrypted can be read.";

    /// <summary>Where Development keeps the certificate it makes for itself.</summary>
    public static string DevelopmentCertificatePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "paulmassage", "data-protection-development.pfx");

    /// <summary>
    /// The configured certificate; in Development without one, the profile's (made on first use);
    /// anywhere else without one, an error that says what to set.
    /// </summary>
    public static X509Certificate2 Certificate(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var path = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return environment.IsDevelopment()
                ? DevelopmentCertificate(DevelopmentCertificatePath)
                : throw new InvalidOperationException(MissingMessage);
        }

        return Load(path, configuration[CertificatePasswordSetting]);
    }

    /// <summary>The certificates of earlier rotations, to read keys they encrypted.</summary>
    public static IReadOnlyList<X509Certificate2> PreviousCertificates(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration[PreviousCertificatePathsSetting] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(path => Load(path, configuration[CertificatePasswordSetting]))
            .ToList();
    }

    /// <summary>A new self-signed RSA certificate for key encryption (Development's, and the tests' throwaway ones).</summary>
    public static X509Certificate2 NewSelfSigned(string subject)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
    }

    /// <summary>Writes a certificate with its private key as a PFX readable by this user only.</summary>
    public static void WritePfx(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = OwnerOnly(temporary))
        {
            stream.Write(certificate.Export(X509ContentType.Pfx));
        }

        // A second process making one at the same moment keeps the first: both then load the same file.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static X509Certificate2 DevelopmentCertificate(string path)
    {
        if (!File.Exists(path))
        {
            using var made = NewSelfSigned("PaulMassage Development key encryption");
            WritePfx(made, path);
        }

        return Load(path, password: null);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathSetting} is set to \"{path}\", but there is no file there. " + MissingMessage);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"The certificate at {CertificatePathSetting} (\"{path}\") needs an RSA private key. " + MissingMessage);
        }

        return certificate;
    }

    private static FileStream OwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Encrypts the keys a database holds in the clear (written by a version that had no
    /// key-encryption certificate), in place: the same keys, so everything they protect stays
    /// readable. Runs at every start before the key ring is read; a database with nothing to do costs one query.
    /// Done as Data Protection does for a new key: each element marked requiresEncryption is replaced
    /// by an encryptedSecret element holding it encrypted, naming the decryptor.
    /// </summary>
    public static async Task<int> ProtectClearKeysAsync(AppDbContext db, IXmlEncryptor? encryptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (encryptor is null)
        {
            // Only a test that stands in for an older version takes the encryptor away.
            return 0;
        }

        // Plain ADO.NET: an EF Core query here would compile before the first request is answered.
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            var clear = new List<(int Id, string Xml)>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT Id, Xml FROM DataProtectionKeys WHERE Xml LIKE '%requiresEncryption%'";
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    clear.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            foreach (var (id, xml) in clear)
            {
                var encrypted = Encrypt(XElement.Parse(xml), encryptor);
                if (encrypted is null)
                {
                    continue;
                }

                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE DataProtectionKeys SET Xml = @xml WHERE Id = @id";
                Parameter(update, "@xml", encrypted.ToString(SaveOptions.DisableFormatting));
                Parameter(update, "@id", id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            return clear.Count;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";

    private static XElement? Encrypt(XElement key, IXmlEncryptor encryptor)
    {
        var secrets = key.Descendants().Where(e => (bool?)e.Attribute(DataProtectionNamespace + "requiresEncryption") == true).ToList();
        if (secrets.Count == 0)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            var info = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(
                DataProtectionNamespace + "encryptedSecret",
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                info.EncryptedElement));
        }

        return key;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
