using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Settings;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>
/// The real site (the integration tests' <see cref="PracticeAppFactory"/>: its own SQLite file,
/// fake clock and mail folder) served by Kestrel on a free loopback port, so a real browser can reach it.
/// </summary>
public sealed class SiteServer : PracticeAppFactory
{
    public SiteServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        // Plain http on loopback, like a development run: cookies without the Secure flag, which a
        // browser would refuse to send over http. (No effect where the site has no such setting.)
        Settings["Security:SecureCookies"] = "false";
    }

    /// <summary>Where the site listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.SingleOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel is not listening on loopback: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address);
        FillInReceiptDetailsAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// What Paul fills in once in the back office for his receipts (the address, his qualifications,
    /// professional body and insurer), saved before any journey runs: receipts then read as his do.
    /// </summary>
    private async Task FillInReceiptDetailsAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<PaymentTerms>().SaveAsync(new PaymentSettings { ReceiptAddress = "12 Example Road\nLondon SE1 7PB" });
        await scope.ServiceProvider.GetRequiredService<PageEditor>().SaveCredentialsAsync(new CredentialsForm
        {
            Qualifications = "ITEC Level 3 Diploma in Massage\nLevel 5 Diploma in Soft Tissue Therapy",
            ProfessionalBody = "Example Society of Massage Therapists",
            MembershipNumber = "EX-12345",
            Insurance = "Professional and public liability insurance, £6 million",
        });
    }
}
