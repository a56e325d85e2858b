using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Discord;

/// <summary>
/// Replies through a <see cref="FaultProxy"/> in front of Discord's REST API: a send whose answer is lost is retried
/// from the outbox with the same enforced nonce, so the user sees it once.
/// </summary>
public sealed class DiscordFaultTests : IAsyncLifetime
{
    private const string Owner = "111111111111111111";
    private readonly TempDirectory _state = new();
    private readonly RecordingTimeProvider _time = new();
    private FakeOpenAiServer _llm = null!;
    private FakeDiscordServer _discord = null!;
    private FaultProxy _proxy = null!;
    private GatewayHarness _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _discord = await FakeDiscordServer.StartAsync(Ct);
        _proxy = await FaultProxy.StartAsync(_discord.RootUrl.ToString(), Ct);
        var config = GatewayHarness.Config(_llm) with
        {
            Channels = new ChannelsConfig
            {
                Discord = new DiscordChannelConfig
                {
                    Token = new SecretValue(_discord.Token, "test"),
                    ApiBaseUrl = _proxy.Address + "/api/v10",
                    Dm = new DmConfig { AllowFrom = [Owner] },
                },
            },
        };
        _gateway = await GatewayHarness.StartAsync(_state.Path, config, _time);
        await _discord.SessionsReady.WaitAsync(1, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _proxy.DisposeAsync();
        await _discord.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task ReplyCreatedButAnswerLost_IsRetriedWithTheSameNonce_AndAppearsOnce()
    {
        _proxy.CutAfterForwarding("/messages");
        _llm.EnqueueText("exactly one of me");

        await SendThroughOneCutAsync("hi", forwardedSends: 2);

        Assert.Equal("exactly one of me", Assert.Single(_discord.SentMessages).Content);
        Assert.Single(_llm.Requests);
        var sends = MessageSends();
        Assert.Equal([true, true], sends.Select(s => s.Forwarded).ToArray()); // Discord saw both attempts ...
        Assert.Equal([true, false], sends.Select(s => s.Cut).ToArray());      // ... and the retry's answer got through
    }

    [Fact]
    public async Task ReplyCutBeforeReachingDiscord_IsRetried_AndAppearsOnce()
    {
        _proxy.CutBeforeForwarding("/messages");
        _llm.EnqueueText("second try");

        await SendThroughOneCutAsync("hello", forwardedSends: 1);

        Assert.Equal("second try", Assert.Single(_discord.SentMessages).Content);
        var sends = MessageSends();
        Assert.Equal([false, true], sends.Select(s => s.Forwarded).ToArray());
        // The log says why, not only HttpClient's "An error occurred while sending the request".
        var retrying = Assert.Single(_gateway.Output.Split('\n'), l => l.Contains("retrying in 2s", StringComparison.Ordinal));
        Assert.Matches(@"retrying in 2s: An error occurred while sending the request \(.+\)\s*$", retrying);
    }

    /// <summary>A DM comes in; the first reply send is cut; the outbox retries after its back-off on the fake clock.</summary>
    private async Task SendThroughOneCutAsync(string text, int forwardedSends)
    {
        var retries = new OutboxRetryDriver(_time, _proxy);
        await _discord.QueueMessageCreateAsync("dm-1", Owner, text);
        await retries.UntilForwardedAsync("/messages", forwardedSends, () => _gateway.Output, Ct);
        Assert.Single(MessageSends(), s => s.Cut);
    }

    private List<ProxiedRequest> MessageSends() =>
        [.. _proxy.Ledger.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal))];
}
