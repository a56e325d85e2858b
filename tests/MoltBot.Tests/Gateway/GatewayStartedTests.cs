using System.Text.Json;
using MoltBot.Hosting;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

/// <summary>
/// Every start logs <c>GatewayStarted</c> with how the previous run ended: what the restarts alert counts and what an
/// operator reads after it fires. The shipped binary, stopped the ways a platform stops it. CI re-runs these on the AOT binary.
/// </summary>
[Trait("Category", "Process")]
public sealed class GatewayStartedTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task GatewayStarted_SaysFirstStart_ThenCleanAfterSigterm_ThenCrashAfterSigkill()
    {
        File.WriteAllText(_state.Combine("moltbot.json"), $$"""
            { models: { providers: { fake: { baseUrl: "{{_llm.BaseUrl}}", api: "openai-completions", models: [{ id: "gpt-test" }] } } },
              agents: { defaults: { model: "fake/gpt-test" } } }
            """);

        await using (var first = await StartAsync())
        {
            Assert.Equal("first-start", PreviousExit(first));
            await first.StopAsync();
            Assert.Equal(0, first.ExitCode);
        }
        await using (var second = await StartAsync())
        {
            Assert.Equal("clean", PreviousExit(second));
            await second.KillAsync();
        }
        await using var third = await StartAsync();

        Assert.Equal("crash", PreviousExit(third));
        var started = StartedEvent(third);
        Assert.Equal(third.ProcessId, started.GetProperty("Pid").GetInt32());
        Assert.False(string.IsNullOrEmpty(started.GetProperty("Version").GetString()));
        Assert.Equal("info", started.GetProperty("level").GetString());
    }

    private async Task<MoltBotProcess> StartAsync()
    {
        var process = MoltBotProcess.Start(["gateway"], new Dictionary<string, string>
        {
            ["MOLTBOT_STATE_DIR"] = _state.Path,
            ["MOLTBOT_GATEWAY_TOKEN"] = "started-test-token-0123456789abcdef",
            ["MOLTBOT_GATEWAY_PORT"] = MoltBotProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MOLTBOT_LOG_FORMAT"] = "json",
        });
        await process.WaitForOutputAsync("\"event\":\"" + EventNames.GatewayStarted + "\"");
        return process;
    }

    private static string? PreviousExit(MoltBotProcess process) => StartedEvent(process).GetProperty("PreviousExit").GetString();

    private static JsonElement StartedEvent(MoltBotProcess process)
    {
        // Every stdout line is one JSON object; MoltBot's own lines all carry an event name.
        var events = process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events.Where(e => e.GetProperty("category").GetString()!.StartsWith("MoltBot.", StringComparison.Ordinal)),
            e => Assert.True(e.TryGetProperty("event", out _), e.ToString()));
        return Assert.Single(events, e => e.GetProperty("event").GetString() == EventNames.GatewayStarted);
    }
}
