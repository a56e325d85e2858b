using MoltBot.Memory;
using MoltBot.TestSupport;
using MoltBot.Tests.Agent.Tools;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Memory;

/// <summary>The silent save-to-memory turn before compaction, through a real gateway and the fake model.</summary>
public sealed class MemoryFlushTests
{
    private static bool IsFlush(RecordedRequest r) => r.Body.Contains("Pre-compaction memory flush", StringComparison.Ordinal);

    private static bool IsSummary(RecordedRequest r) => r.Body.Contains("You compress conversations", StringComparison.Ordinal);

    [Fact]
    public async Task BeforeCompaction_TheAgentSavesToMemory_Silently_AndTheUserSeesOnlyTheNormalReply()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        llm.DefaultReply = request => IsSummary(request) ? FakeReply.FromText("SUMMARY: pelicans, code 4711")
            : IsFlush(request) ? new FakeReply
            {
                Text = "NO_REPLY",
                ToolCalls = [new FakeToolCall("memory_write", """{"content":"- The owner likes pelicans; the door code is 4711."}""", "call_flush")],
            }
            : FakeReply.FromText("noted");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm, contextWindow: 4_000, maxTokens: 500), time);

        var replies = new List<string> { await GatewayChat.AskAsync(gateway.Http, "I like pelicans. The door code is 4711. " + new string('a', 3_000)) };
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await GatewayChat.AskAsync(gateway.Http, $"turn {i} " + new string('b', 2_000)));
        }

        var requests = llm.Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToList();
        var flushes = requests.Where(IsFlush).ToList();
        var summaries = requests.Where(IsSummary).ToList();
        Assert.NotEmpty(summaries);
        // One flush per compaction, each right before its summary: one extra call only when compacting.
        Assert.Equal(summaries.Count, flushes.Count);
        Assert.All(flushes, f => Assert.True(IsSummary(requests[requests.IndexOf(f) + 1])));
        Assert.Equal(["memory_write"], ToolGateway.OfferedTools(flushes[0]));
        Assert.Contains("I like pelicans", flushes[0].Body, StringComparison.Ordinal);

        var note = File.ReadAllText(state.Combine("workspace", "memory", "2026-12-03.md"));
        Assert.Contains("- The owner likes pelicans; the door code is 4711.", note, StringComparison.Ordinal);

        Assert.All(replies, r => Assert.Equal("noted", r));
        // Nothing of the silent turn is in the conversation the model sees afterwards.
        var last = requests.Last(r => !IsFlush(r) && !IsSummary(r)).Body;
        Assert.DoesNotContain("Pre-compaction memory flush", last, StringComparison.Ordinal);
        Assert.DoesNotContain("NO_REPLY", last, StringComparison.Ordinal);
        Assert.DoesNotContain("call_flush", last, StringComparison.Ordinal);
    }
}
