using System.Text.Json.Nodes;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Web;
using MoltBot.Tests.Agent.Skills;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools.Web;

/// <summary>The web tools as the model sees them through a real gateway: offered or not, and their results in the conversation.</summary>
public sealed class WebToolsGatewayTests
{
    [Fact]
    public async Task NoSearchProvider_ModelIsOfferedWebFetchButNotWebSearch()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));

        await GatewayChat.AskAsync(gateway.Http, "hi");

        var tools = ToolNames(llm.Requests[^1]);
        Assert.Contains("web_fetch", tools);
        Assert.Contains("skill_read", tools);
        Assert.DoesNotContain("web_search", tools);
    }

    [Fact]
    public async Task BraveConfigured_ModelSearches_ResultsComeBackAsUntrustedToolOutput()
    {
        using var state = new TempDirectory();
        await using var search = await FakeSearchApi.StartAsync(TestContext.Current.CancellationToken);
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm) with
        {
            Tools = new ToolsConfig
            {
                Web = new WebToolsConfig { Search = new WebSearchConfig { BraveApiKey = new SecretValue(FakeSearchApi.BraveKey, "test"), BraveBaseUrl = search.BaseUrl } },
            },
        };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config);
        llm.EnqueueToolCall("web_search", new JsonObject { ["query"] = "moltbot docs" }.ToJsonString());
        llm.EnqueueText("Found the docs.");

        var answer = await GatewayChat.AskAsync(gateway.Http, "find the moltbot docs");

        Assert.Equal("Found the docs.", answer);
        Assert.Contains("web_search", ToolNames(llm.Requests[0]));
        var result = Assert.Single(SkillsGatewayTests.ToolResults(llm.Requests[^1]));
        Assert.Contains("<untrusted source=\"web_search\">", result, StringComparison.Ordinal);
        Assert.Contains("https://docs.example.org/moltbot", result, StringComparison.Ordinal);
        Assert.Equal("moltbot docs", System.Web.HttpUtility.ParseQueryString(search.Requests.Single().Query)["q"]);
    }

    [Fact]
    public async Task ModelAsksForTheMetadataAddress_GetsTheRefusal_GatewayKeepsWorking()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));
        llm.EnqueueToolCall("web_fetch", """{"url":"http://169.254.169.254/latest/meta-data/"}""");
        llm.EnqueueText("I may not read that.");

        Assert.Equal("I may not read that.", await GatewayChat.AskAsync(gateway.Http, "read the cloud metadata"));
        Assert.Contains(SkillsGatewayTests.ToolResults(llm.Requests[^1]), r => r.Contains("refused: 169.254.169.254 is a link-local/metadata address", StringComparison.Ordinal));
        Assert.Contains("web_fetch refused: 169.254.169.254", gateway.Output, StringComparison.Ordinal);
    }

    private static List<string> ToolNames(RecordedRequest request) =>
        [.. (request.Json!["tools"]?.AsArray() ?? []).Select(t => t!["function"]!["name"]!.GetValue<string>())];
}
