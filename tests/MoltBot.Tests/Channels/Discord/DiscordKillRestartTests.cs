using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Discord;

/// <summary>The gateway process killed (SIGKILL) while the model is thinking: the restart answers the message exactly once.</summary>
[Trait("Category", "Process")]
public sealed class DiscordKillRestartTests
{
    [Fact]
    public async Task KilledMidTurn_RestartDeliversExactlyOneReply()
    {
        var ct = TestContext.Current.CancellationToken;
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(ct);
        await using var discord = await FakeDiscordServer.StartAsync(ct);
        File.WriteAllText(state.Combine("moltbot.json"), $$"""
            {
              agents: { defaults: { model: "fake/gpt-test" } },
              models: { providers: { fake: { baseUrl: "{{llm.BaseUrl}}", api: "openai-completions", apiKey: "sk-test", models: [{ id: "gpt-test" }] } } },
              channels: { discord: { token: "{{discord.Token}}", apiBaseUrl: "{{discord.ApiBaseUrl}}", dm: { allowFrom: ["111"] } } },
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["MOLTBOT_STATE_DIR"] = state.Path,
            ["MOLTBOT_GATEWAY_TOKEN"] = "kill-test-token-0123456789abcdef",
            ["MOLTBOT_GATEWAY_PORT"] = MoltBotProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        await using (var first = MoltBotProcess.Start(["gateway"], environment))
        {
            await discord.SessionsReady.WaitAsync(1, ct);
            llm.EnqueueHang();
            await discord.QueueMessageCreateAsync("dm-1", "111", "remember 4711");
            await llm.WaitForRequestAsync(1, ct);
        } // disposing kills the process tree: no graceful shutdown

        llm.EnqueueText("Noted: 4711");
        await using var second = MoltBotProcess.Start(["gateway"], environment);
        await discord.MessagesSent.WaitAsync(1, ct);
        await second.WaitForOutputAsync("re-running the unanswered discord message");

        var reply = Assert.Single(discord.SentMessages);
        Assert.Equal("Noted: 4711", reply.Content);
        Assert.Equal(2, llm.Requests.Count);
    }
}
