using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// The built site (PaulMassage.Web.dll) running as a process of its own on a loopback port and a
/// database file of its own, so a test can kill it like a crash and start it again.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process process;

    private SiteProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => process.HasExited;

    public static async Task<SiteProcess> StartAsync(string folder)
    {
        var dll = WebDll();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "site.db")}";
        start.Environment["Logging__Folder"] = Path.Combine(folder, "logs");
        start.Environment["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Security__SecureCookies"] = "false";
        start.Environment["Security__RateLimit__PermitLimit"] = "100000";
        start.Environment["Privacy__RetentionWorkerEnabled"] = "false";
        start.Environment["DataProtection__CertificatePath"] = PaulMassage.IntegrationTests.Infrastructure.TestKeyCertificate.FilePath;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, address);
        await site.WaitUntilHealthyAsync();
        return site;
    }

    /// <summary>A client that keeps its own cookies, as one browser does.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Ends the process at once, with no chance to finish requests or flush anything: a crash.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("The site did not become healthy within two minutes.");
    }

    /// <summary>The web project's own build output, built with the same configuration as the tests.</summary>
    private static string WebDll()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testBin);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        var repository = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(repository, "src", "PaulMassage.Web", "bin", configuration, framework, "PaulMassage.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the web project first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
