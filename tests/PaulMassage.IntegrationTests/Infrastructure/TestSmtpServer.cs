using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>One message as the SMTP server received it: the envelope recipients and the parsed message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, inside the test process.
/// It can be stopped and started again on the same port, to play a mail server that is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? stopping;
    private Task? running;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public bool IsRunning => server is not null;

    /// <summary>Starts listening and returns once the port accepts connections.</summary>
    public async Task StartAsync()
    {
        if (server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new CollectingStore(this));
        server = new SmtpServer.SmtpServer(options, services);
        stopping = new CancellationTokenSource();
        running = server.StartAsync(stopping.Token);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 200)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>Stops listening: from now on connections are refused, as with a mail server that is down.</summary>
    public async Task StopAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await stopping!.CancelAsync();
        try
        {
            await running!;
        }
        catch (OperationCanceledException)
        {
            // the normal end of StartAsync
        }

        stopping.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class CollectingStore(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue(new ReceivedMail(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}
