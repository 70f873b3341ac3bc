using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.UnitTests.Infrastructure.Web;

public sealed class TheStartupGate
{
    private static (RequestDelegate Pipeline, List<string> Reached) PipelineBehind(StartupGate gate)
    {
        var reached = new List<string>();
        var services = new ServiceCollection().AddSingleton(gate).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseStartupGate();
        app.Run(context =>
        {
            reached.Add(context.Request.Path);
            return Task.CompletedTask;
        });
        return (app.Build(), reached);
    }

    private static HttpContext Request(string path) => new DefaultHttpContext { Request = { Path = path } };

    [Fact]
    public async Task holds_a_request_until_the_database_is_ready_then_lets_it_through()
    {
        var gate = new StartupGate();
        var preparation = new TaskCompletionSource();
        var opening = gate.OpenAfterAsync(preparation.Task);
        var (pipeline, reached) = PipelineBehind(gate);

        var request = pipeline(Request("/health"));
        await Task.Delay(50);
        Assert.False(request.IsCompleted);
        Assert.Empty(reached);

        preparation.SetResult();
        await opening;
        await request.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["/health"], reached);
    }

    [Fact]
    public async Task lets_requests_straight_through_once_open()
    {
        var gate = new StartupGate();
        await gate.OpenAfterAsync(Task.CompletedTask);
        var (pipeline, reached) = PipelineBehind(gate);

        var request = pipeline(Request("/"));

        Assert.True(request.IsCompletedSuccessfully);
        Assert.Equal(["/"], reached);
    }

    [Fact]
    public async Task passes_a_failed_preparation_on_to_the_start_up_and_to_waiting_requests()
    {
        var gate = new StartupGate();
        var preparation = new TaskCompletionSource();
        var opening = gate.OpenAfterAsync(preparation.Task);
        var (pipeline, reached) = PipelineBehind(gate);
        var request = pipeline(Request("/"));

        preparation.SetException(new InvalidOperationException("migration failed"));

        Assert.Equal("migration failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => opening)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => request);
        Assert.Empty(reached);
        Assert.False(await gate.WaitUntilOpenAsync(CancellationToken.None)); // the workers just do not start
    }

    [Fact]
    public async Task tells_background_work_when_it_may_start()
    {
        var gate = new StartupGate();
        var preparation = new TaskCompletionSource();
        var opening = gate.OpenAfterAsync(preparation.Task);
        using var stopping = new CancellationTokenSource();

        var waiting = gate.WaitUntilOpenAsync(stopping.Token);
        Assert.False(waiting.IsCompleted);
        preparation.SetResult();
        await opening;

        Assert.True(await waiting);
        await stopping.CancelAsync();
        Assert.False(await new StartupGate().WaitUntilOpenAsync(stopping.Token)); // the site stopping first
    }
}
