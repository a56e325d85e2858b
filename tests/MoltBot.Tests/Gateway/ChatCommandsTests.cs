using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

public sealed class ChatCommandsTests
{
    [Fact]
    public async Task Model_SwitchesThisSessionOnly_AndIsStrict()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config with
        {
            Agents = config.Agents with { Defaults = config.Agents.Defaults with { Model = new() { Primary = "fake/gpt-test", Fallbacks = ["fake/gpt-other"] } } },
            Models = new() { Providers = new Dictionary<string, MoltBot.Configuration.ProviderConfig> { ["fake"] = config.Models.Providers["fake"] with { Models = [new() { Id = "gpt-test" }, new() { Id = "gpt-other" }] } } },
        });

        var switched = await GatewayChat.AskAsync(gateway.Http, "/model fake/gpt-other", user: "alice");
        await GatewayChat.AskAsync(gateway.Http, "hello", user: "alice");
        await GatewayChat.AskAsync(gateway.Http, "hello", user: "bob");

        Assert.Contains("fake/gpt-other", switched, StringComparison.Ordinal);
        Assert.Equal("gpt-other", llm.Requests[0].Json!["model"]!.GetValue<string>());
        Assert.Equal("gpt-test", llm.Requests[1].Json!["model"]!.GetValue<string>());
        Assert.Contains("(set with /model)", await GatewayChat.AskAsync(gateway.Http, "/status", user: "alice"), StringComparison.Ordinal);
    }
}
