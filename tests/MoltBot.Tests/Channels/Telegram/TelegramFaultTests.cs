using MoltBot.TestSupport;
using MoltBot.TestSupport.Telegram;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

/// <summary>
/// Exactly-once through a <see cref="FaultProxy"/> between the gateway and the fake Bot API: connections cut before a
/// request reaches Telegram, or after Telegram acted on it but before the gateway heard back.
/// </summary>
public sealed class TelegramFaultTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private readonly RecordingTimeProvider _time = new();
    private FakeOpenAiServer _llm = null!;
    private FakeTelegramServer _telegram = null!;
    private FaultProxy _proxy = null!;
    private TelegramTestGateway? _gateway;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _telegram = await FakeTelegramServer.StartAsync(ct: Ct);
        _proxy = await FaultProxy.StartAsync(_telegram.ApiRoot, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        await _proxy.DisposeAsync();
        await _telegram.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task UpdatesLostOnTheWayBack_AreFetchedAgain_AndAnsweredOnce()
    {
        _proxy.CutAfterForwarding("/getUpdates");
        _llm.EnqueueText("only once");
        await StartAsync();

        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "hello?");
        await _proxy.WaitForCutsAsync(1, Ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1), Ct); // the poll loop's first back-off
        _time.Advance(TimeSpan.FromSeconds(1));
        await _telegram.WaitForSentAsync(1, Ct);

        Assert.Equal("only once", Assert.Single(_telegram.SentMessages).Text);
        Assert.Single(_llm.Requests);
        // Telegram handed the update out twice (the first answer never arrived); the gateway took it once.
        Assert.True(_proxy.Ledger.Count(r => r.Path.EndsWith("/getUpdates", StringComparison.Ordinal) && r.Forwarded) >= 2);
    }

    [Fact]
    public async Task ReplyCutBeforeReachingTelegram_IsRetriedFromTheOutbox_AndSentOnce()
    {
        _proxy.CutBeforeForwarding("/sendMessage");
        _llm.EnqueueText("delivered eventually");
        await StartAsync();

        var retries = new OutboxRetryDriver(_time, _proxy);
        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "ping");
        await retries.UntilForwardedAsync("/sendMessage", 1, () => _gateway!.Output, Ct);

        Assert.Equal("delivered eventually", Assert.Single(_telegram.SentMessages).Text);
        Assert.Single(_llm.Requests);
        var sends = _proxy.Ledger.Where(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).ToList();
        Assert.Equal([false, true], sends.Select(s => s.Forwarded).ToArray());
    }

    private async Task StartAsync()
    {
        var config = TelegramTestGateway.Config(_llm, _telegram, c => c with { ApiRoot = _proxy.Address });
        _gateway = await TelegramTestGateway.StartAsync(_state.Path, config, _time);
    }
}
