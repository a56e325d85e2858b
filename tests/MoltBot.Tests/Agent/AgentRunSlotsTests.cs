using Microsoft.Extensions.DependencyInjection;
using MoltBot.Agent;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent;

/// <summary><c>agents.defaults.maxConcurrent</c> through the real API, with the fake model holding its replies.</summary>
public sealed class AgentRunSlotsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MaxConcurrent_CapsModelRequestsInFlight_AndQueuedTurnsCompleteAfterwards()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        var config = GatewayHarness.Config(llm);
        config = config with
        {
            Agents = config.Agents with { Defaults = config.Agents.Defaults with { MaxConcurrent = 2 } },
            Channels = new ChannelsConfig { WebChat = new WebChatChannelConfig { RateLimit = new RateLimitConfig { Enabled = false } } },
        };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config);
        var slots = gateway.Services.GetRequiredService<AgentRunSlots>();
        llm.HoldReplies();

        // Five sessions, so the session lanes do not serialise them: only the cap does.
        var asks = Enumerable.Range(0, 5).Select(i => GatewayChat.AskAsync(gateway.Http, $"question {i}", user: $"user{i}")).ToList();
        await llm.WaitForRequestAsync(2, Ct);
        while (slots.Queued < 3)
        {
            await Task.Delay(10, Ct); // waiting for a condition, not for time to pass
        }

        Assert.Equal(2, llm.InFlight);
        Assert.Equal(2, llm.Requests.Count);
        llm.ReleaseReplies();
        var replies = await Task.WhenAll(asks);

        Assert.All(replies, r => Assert.Equal("ok", r));
        Assert.Equal(5, llm.Requests.Count);
        Assert.Equal(2, llm.MaxInFlight);
        Assert.Equal(0, slots.Queued);
    }
}
