using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

public sealed class CompactionTests
{
    [Fact]
    public async Task LongConversation_IsCompactedIntoSummary_NotDropped()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        llm.DefaultReply = request => request.Body.Contains("You compress conversations", StringComparison.Ordinal)
            ? FakeReply.FromText("SUMMARY: the user likes pelicans and the code is 4711")
            : FakeReply.FromText("noted");
        // A small window so a few long turns overflow it.
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm, contextWindow: 4_000, maxTokens: 500));

        await GatewayChat.AskAsync(gateway.Http, "I like pelicans. The code is 4711. " + new string('a', 3_000));
        for (var i = 0; i < 6; i++)
        {
            await GatewayChat.AskAsync(gateway.Http, $"turn {i} " + new string('b', 2_000));
        }

        Assert.Contains(llm.Requests, r => r.Body.Contains("You compress conversations", StringComparison.Ordinal));
        var last = llm.Requests[^1].Body;
        Assert.Contains("SUMMARY: the user likes pelicans", last, StringComparison.Ordinal);
        Assert.DoesNotContain("I like pelicans. The code is 4711.", last, StringComparison.Ordinal);
        Assert.Contains("turn 5", last, StringComparison.Ordinal);
    }
}
