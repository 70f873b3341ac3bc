using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Data.Encryption;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring lives in the database, encrypted with a certificate kept outside
/// it: a copy of the database alone decrypts nothing, and the site does not start without the certificate.
/// </summary>
public sealed class TheKeyRing
{
    private const string Complaint = "Sciatica after a fall-k3q";

    [Fact]
    public void refuses_to_start_outside_development_without_a_key_encryption_certificate_and_says_what_to_set()
    {
        using var factory = new ProductionFactory();
        factory.Settings[KeyEncryption.CertificatePathSetting] = string.Empty;

        var refused = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains("DataProtection__CertificatePath", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void refuses_to_start_when_the_configured_certificate_file_is_missing()
    {
        using var factory = new ProductionFactory();
        factory.Settings[KeyEncryption.CertificatePathSetting] = Path.Combine(factory.Folder, "no-such.pfx");

        var refused = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains("no-such.pfx", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task is_read_by_the_frameworks_own_start_up_only_once_a_first_start_has_made_its_table()
    {
        using var factory = new ProductionFactory();
        using var client = factory.CreateClient();

        // Data Protection's hosted service is kept (no framework service removed by name)...
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s.GetType().Namespace == "Microsoft.AspNetCore.DataProtection.Internal");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);

        // ...and on a brand-new database it waited for the migrations instead of failing to read the ring.
        var logs = string.Concat(Directory.GetFiles(Path.Combine(factory.Folder, "logs"), "*.log").Select(file =>
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));
        Assert.DoesNotContain("key ring", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[ERR]", logs, StringComparison.Ordinal);
        Assert.Single(await factory.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
    }

    [Fact]
    public async Task in_a_copy_of_the_database_files_cannot_decrypt_the_intake_or_any_manage_token_without_the_certificate()
    {
        using var factory = new PracticeAppFactory();
        var visit = await BookAsync(factory);
        var copy = Path.Combine(factory.Folder, "stolen");
        CopyDatabase(factory.DatabasePath, copy);

        var (storedComplaint, storedToken) = await RawVisitAsync(copy, visit.Id);
        Assert.All(await KeyRowsAsync(copy), xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        });

        // What a thief's console app does: Data Protection reading the copy's key ring.
        using (var thief = KeyRingOf(copy, certificate: null))
        {
            var provider = thief.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<CryptographicException>(() => provider.CreateProtector(ManageLinks.Purpose).Unprotect(storedToken));
            Assert.ThrowsAny<CryptographicException>(() => provider.CreateProtector(ColumnProtector.Purpose).Unprotect(storedComplaint[ColumnProtector.Prefix.Length..]));
        }

        // The same app with the certificate reads both: the check above would see a key ring in the clear.
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestKeyCertificate.FilePath, null);
        using var owner = KeyRingOf(copy, certificate);
        var withCertificate = owner.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal(visit.Token, withCertificate.CreateProtector(ManageLinks.Purpose).Unprotect(storedToken));
        Assert.Equal(Complaint, withCertificate.CreateProtector(ColumnProtector.Purpose).Unprotect(storedComplaint[ColumnProtector.Prefix.Length..]));
    }

    [Fact]
    public async Task made_in_the_clear_by_the_previous_version_is_encrypted_at_the_first_start_with_the_certificate_and_everything_stays_readable()
    {
        // The previous version: the same key ring in the database, with no key encryption.
        ArrangedVisit visit;
        string oldDatabase;
        using var previous = new PreviousVersionFactory();
        visit = await BookAsync(previous);
        oldDatabase = Path.Combine(previous.Folder, "before-upgrade");
        CopyDatabase(previous.DatabasePath, oldDatabase);
        Assert.All(await KeyRowsAsync(oldDatabase), xml => Assert.Contains("requiresEncryption", xml, StringComparison.Ordinal));

        using var upgraded = new PracticeAppFactory();
        upgraded.Settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(oldDatabase, "practice.db")}";
        var appointment = await upgraded.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).SingleAsync(a => a.Id == visit.Id));

        Assert.Equal(Complaint, appointment.Intake!.MainComplaint);
        await using (var scope = upgraded.Scope())
        {
            Assert.Equal(scope.ServiceProvider.GetRequiredService<ManageLinks>().UrlFor(visit.Token), scope.ServiceProvider.GetRequiredService<ManageLinks>().TryUrlFor(appointment));
        }

        using var client = upgraded.Browser();
        var page = await client.GetAsync($"/bookings/{visit.Token}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(visit.Reference, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The keys were re-written encrypted: a copy taken now reads nothing without the certificate.
        var afterUpgrade = Path.Combine(upgraded.Folder, "after-upgrade");
        CopyDatabase(Path.Combine(oldDatabase, "practice.db"), afterUpgrade);
        var keys = await KeyRowsAsync(afterUpgrade);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal));
        var (_, storedToken) = await RawVisitAsync(afterUpgrade, visit.Id);
        using var thief = KeyRingOf(afterUpgrade, certificate: null);
        Assert.ThrowsAny<CryptographicException>(() => thief.GetRequiredService<IDataProtectionProvider>().CreateProtector(ManageLinks.Purpose).Unprotect(storedToken));
    }

    private static async Task<ArrangedVisit> BookAsync(PracticeAppFactory factory)
    {
        var start = (await factory.FreeStartsAsync(1))[0];
        return await factory.BookAsync(start, "Kim Keyring", $"kim-{Guid.NewGuid():N}@test.example", f => f["Intake.MainComplaint"] = Complaint);
    }

    /// <summary>Copies the database and its write-ahead log as they are on disk, as a thief or a careless backup would.</summary>
    private static void CopyDatabase(string database, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(database + suffix))
            {
                using var source = new FileStream(database + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var target = File.Create(Path.Combine(folder, "practice.db" + suffix));
                source.CopyTo(target);
            }
        }
    }

    private static async Task<List<string>> KeyRowsAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "practice.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<(string Complaint, string Token)> RawVisitAsync(string folder, int appointmentId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "practice.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT i.MainComplaint, a.ManageTokenProtected FROM Appointments a JOIN IntakeAssessments i ON i.AppointmentId = a.Id WHERE a.Id = $id";
        command.Parameters.AddWithValue("$id", appointmentId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var complaint = reader.GetString(0);
        Assert.StartsWith(ColumnProtector.Prefix, complaint, StringComparison.Ordinal);
        return (complaint, reader.GetString(1));
    }

    /// <summary>Data Protection on its own, reading the key ring of a database copy, with or without the certificate.</summary>
    private static ServiceProvider KeyRingOf(string folder, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "practice.db")};Pooling=False"));
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("PaulMassage")
            .PersistKeysToDbContext<SqliteAppDbContext>()
            .DisableAutomaticKeyGeneration();
        if (certificate is not null)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(certificate);
        }

        return services.BuildServiceProvider();
    }

    private sealed class ProductionFactory : PracticeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    /// <summary>The site as the version before key encryption ran it: Data Protection with no XML encryptor.</summary>
    private sealed class PreviousVersionFactory : PracticeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.PostConfigure<KeyManagementOptions>(o => o.XmlEncryptor = null));
        }
    }
}
