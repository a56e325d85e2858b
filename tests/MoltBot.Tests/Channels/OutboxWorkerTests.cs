using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels;

/// <summary>The outbox when the gateway stops with a send in flight: it may finish (bounded), rather than be cut and sent twice after a restart.</summary>
public sealed class OutboxWorkerTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly HoldingSender _sender = new();
    private FakeOpenAiServer _llm = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        var paths = new MoltBotPaths(_state.Path, _state.Combine("moltbot.json"));
        _services = new ServiceCollection()
            .AddLogging()
            .AddMoltBotCore(new LoadedConfig(GatewayHarness.Config(_llm), paths, false), _time)
            .AddChannelDelivery()
            .AddSingleton<IChannelSender>(_sender)
            .BuildServiceProvider();
        MoltBotServices.WarmUp(_services);
    }

    public async ValueTask DisposeAsync()
    {
        _sender.Release();
        await _services.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private OutboxWorker Worker => _services.GetRequiredService<OutboxWorker>();

    private ChannelDeliveryStore Delivery => _services.GetRequiredService<ChannelDeliveryStore>();

    [Fact]
    public async Task StopDuringASend_LetsItFinish_AndItIsNotSentAgain()
    {
        var token = await StartSendingAsync();

        var stop = Worker.StopAsync(CancellationToken.None);
        Assert.False(token.IsCancellationRequested);
        Assert.False(stop.IsCompleted);
        _sender.Release();
        await stop.WaitAsync(Ct);

        Assert.Null(Delivery.NextDue()); // marked sent: a restart has nothing to send
        Assert.Equal(1, _sender.Attempts);
    }

    [Fact]
    public async Task StopDuringASend_ThatHangs_CutsItAfterTheGrace_AndKeepsItPending()
    {
        var token = await StartSendingAsync();

        var stop = Worker.StopAsync(CancellationToken.None);
        _time.Advance(OutboxWorker.StopGrace - TimeSpan.FromSeconds(1));
        Assert.False(token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(1));
        await stop.WaitAsync(Ct);

        Assert.True(token.IsCancellationRequested);
        var pending = Assert.Single(Delivery.DueOutbox());
        Assert.Equal(0, pending.Attempts); // not a failure: sent at the next start without backoff
    }

    [Fact]
    public void AnEmptyOutbox_WaitsUntilWoken_InsteadOfPollingAgain()
    {
        // The regression: an "infinite" wait was a negative TimeSpan, read as due now, and the idle worker spun a core.
        Assert.Null(OutboxWorker.WaitBeforeNextSend(null, _time.GetUtcNow()));
    }

    [Fact]
    public void APendingMessage_IsWaitedFor_UntilItIsDue()
    {
        var now = _time.GetUtcNow();
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxWorker.WaitBeforeNextSend(now.AddSeconds(8), now));
        Assert.Equal(TimeSpan.Zero, OutboxWorker.WaitBeforeNextSend(now, now));
        Assert.Equal(TimeSpan.Zero, OutboxWorker.WaitBeforeNextSend(now.AddSeconds(-3), now));
    }

    [Fact]
    public async Task AnIdleWorker_SendsWhatIsQueuedLater_WhenWoken()
    {
        await Worker.StartAsync(Ct);
        Delivery.Enqueue(_sender.Channel, "chat-1", null, ["queued after start"]);
        Worker.Wake();
        await _sender.Started.Task.WaitAsync(Ct);
        Assert.Equal(1, _sender.Attempts);
    }

    private async Task<CancellationToken> StartSendingAsync()
    {
        Delivery.Enqueue(_sender.Channel, "chat-1", null, ["the reply"]);
        await Worker.StartAsync(Ct);
        return await _sender.Started.Task.WaitAsync(Ct);
    }

    /// <summary>A sender whose send stays in flight until released (or cancelled), like a slow channel API.</summary>
    private sealed class HoldingSender : IChannelSender
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Channel => "fakechat";

        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts { get; private set; }

        public void Release() => _release.TrySetResult();

        public IReadOnlyList<string> Split(string text) => [text];

        public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            Started.TrySetResult(cancellationToken);
            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}
