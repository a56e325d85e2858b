using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Agent.Tools;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Memory;

/// <summary>Memory across gateway restarts, with embeddings from the fake server's <c>/v1/embeddings</c>.</summary>
public sealed class MemoryGatewayTests
{
    private static MoltBotConfig WithEmbeddings(FakeOpenAiServer llm) => GatewayHarness.Config(llm) with
    {
        Agents = new AgentsConfig
        {
            Defaults = GatewayHarness.Config(llm).Agents.Defaults with
            {
                MemorySearch = new MemorySearchConfig { RemoteBaseUrl = llm.BaseUrl.ToString(), RemoteApiKey = new SecretValue("sk-embed", "test"), Watch = false },
            },
        },
    };

    private static async Task<string> SearchAsync(GatewayHarness gateway, FakeOpenAiServer llm, string query)
    {
        var before = llm.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        llm.EnqueueToolCall("memory_search", $$"""{"query":"{{query}}"}""", "call_search");
        llm.EnqueueText("done");
        Assert.Equal("done", await GatewayChat.AskAsync(gateway.Http, "search memory", "memory"));
        var completions = llm.Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToList();
        return ToolGateway.ToolResult(completions[before + 1]);
    }

    [Fact]
    public async Task Memory_SurvivesAGatewayRestart_WithoutReEmbedding()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        llm.Embeddings.Synonyms["kayak"] = "boat";
        var config = WithEmbeddings(llm);
        Directory.CreateDirectory(state.Combine("workspace", "memory"));
        File.WriteAllText(state.Combine("workspace", "memory", "2026-12-01.md"), "The owner keeps a red kayak at the lake cabin.\n");

        await using (var first = await GatewayHarness.StartAsync(state.Path, config))
        {
            Assert.Contains("red kayak", await SearchAsync(first, llm, "boat"), StringComparison.Ordinal);
        }
        var embeddedBeforeRestart = llm.EmbeddedTexts.Count;
        await using var second = await GatewayHarness.StartAsync(state.Path, config);
        var result = await SearchAsync(second, llm, "boat");

        Assert.Contains("red kayak", result, StringComparison.Ordinal);
        Assert.Contains("hybrid", result, StringComparison.Ordinal);
        // After the restart only the query is embedded: the notes' vectors came from SQLite.
        Assert.Equal(["boat"], llm.EmbeddedTexts.Skip(embeddedBeforeRestart));
    }
}
