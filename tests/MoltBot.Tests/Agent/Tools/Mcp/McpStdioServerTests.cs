using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Configuration;
using MoltBot.Tests.Deploy;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools.Mcp;

/// <summary>
/// Stdio MCP servers: the real reference server from npm (<c>@modelcontextprotocol/server-everything</c>, started with
/// npx, cached under <c>artifacts/npm-cache</c> so reruns are offline-fast), and a server whose command does not exist.
/// </summary>
public sealed class McpStdioServerTests
{
    public const string EverythingPackage = "@modelcontextprotocol/server-everything@2026.8.31";
    private const string CanaryVariable = "MOLTBOT_TEST_MCP_CANARY_API_KEY";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static McpServerConfig Everything(IReadOnlyDictionary<string, SecretValue>? env = null)
    {
        var npx = McpServerEnvironment.Resolve("npx", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("npx is not on PATH: these tests start a real MCP server from npm. Install Node.js (apt-get install nodejs npm).");
        var cache = Path.Combine(BicepCli.RepoRoot(), "artifacts", "npm-cache");
        return new McpServerConfig
        {
            Command = npx,
            Args = ["-y", "--cache", cache, "--prefer-offline", "--no-update-notifier", EverythingPackage, "stdio"],
            Env = env ?? new Dictionary<string, SecretValue>(),
        };
    }

    private static Func<MoltBotConfig, MoltBotConfig> With(string name, McpServerConfig server) => c => c with
    {
        Mcp = new McpConfig { Servers = new Dictionary<string, McpServerConfig> { [name] = server } },
    };

    [Fact]
    public async Task EverythingServer_EchoTool_IsCalledByTheAgent_AndItsResultReachesTheModel()
    {
        await using var tools = await ToolGateway.StartAsync(configure: With("everything", Everything()));

        var server = await McpStatus.WaitSettledAsync(tools.Gateway, "everything", Ct);
        Assert.True(server.State == "connected", $"server-everything did not connect: {server.LastError}");
        Assert.True(server.Tools > 5);

        var result = await tools.CallAsync("everything__echo", """{"message":"hello from moltbot"}""");

        Assert.Contains("everything__echo", ToolGateway.OfferedTools(tools.Llm.Requests[^2]));
        Assert.Contains("<untrusted source=\"mcp:everything/echo\">", result, StringComparison.Ordinal);
        Assert.Contains("Echo: hello from moltbot", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StdioServer_GetsAScrubbedEnvironmentPlusItsEnv_AndIsKilledWhenTheGatewayStops()
    {
        var greeting = "configured-greeting-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(CanaryVariable, "sk-canary-must-not-leak");
        try
        {
            var env = new Dictionary<string, SecretValue> { ["MCP_GREETING"] = new(greeting, "test") };
            var tools = await ToolGateway.StartAsync(configure: With("everything", Everything(env)));
            try
            {
                Assert.Equal("connected", (await McpStatus.WaitSettledAsync(tools.Gateway, "everything", Ct)).State);

                var result = await tools.CallAsync("everything__get-env", "{}");

                Assert.Contains("\"PATH\"", result, StringComparison.Ordinal);
                Assert.Contains("MCP_GREETING", result, StringComparison.Ordinal);
                Assert.DoesNotContain(CanaryVariable, result, StringComparison.Ordinal);
                Assert.DoesNotContain("sk-canary-must-not-leak", result, StringComparison.Ordinal);
                Assert.DoesNotContain(greeting, result, StringComparison.Ordinal); // a configured value is a secret: redacted
                Assert.NotEmpty(ProcessesWithEnvironment("MCP_GREETING=" + greeting));
            }
            finally
            {
                await tools.DisposeAsync();
            }
            Assert.Empty(ProcessesWithEnvironment("MCP_GREETING=" + greeting));
        }
        finally
        {
            Environment.SetEnvironmentVariable(CanaryVariable, null);
        }
    }

    /// <summary>Pids whose environment holds <paramref name="entry"/> (Linux <c>/proc</c>; empty elsewhere).</summary>
    private static List<string> ProcessesWithEnvironment(string entry)
    {
        var found = new List<string>();
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(entry))
                {
                    found.Add(Path.GetFileName(dir));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours, or already gone.
            }
        }
        return found;
    }

    [Fact]
    public async Task MissingCommand_IsReportedInStatus_AndTheAgentStillAnswers()
    {
        var ghost = new McpServerConfig { Command = "moltbot-no-such-mcp-server", Env = new Dictionary<string, SecretValue> { ["GHOST_TOKEN"] = new("ghost-secret-value", "test") } };
        await using var tools = await ToolGateway.StartAsync(configure: With("ghost", ghost));

        var server = await McpStatus.WaitSettledAsync(tools.Gateway, "ghost", Ct);

        Assert.Equal("failed", server.State);
        Assert.Equal("stdio", server.Transport);
        Assert.Contains("command 'moltbot-no-such-mcp-server' was not found", server.LastError, StringComparison.Ordinal);
        Assert.Contains("mcp server ghost failed", tools.Gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost-secret-value", tools.Gateway.Output, StringComparison.Ordinal);
        using var output = new StringWriter();
        MoltBot.Cli.StatusCommand.Print(await McpStatus.GetAsync(tools.Gateway, Ct), output);
        Assert.Contains("MCP server ghost (stdio): failed, 0 tools, last error: command 'moltbot-no-such-mcp-server' was not found", output.ToString(), StringComparison.Ordinal);

        tools.Llm.EnqueueText("I can still help.");
        Assert.Equal("I can still help.", await GatewayChat.AskAsync(tools.Gateway.Http, "hello", "mcp"));
        var refused = await tools.CallAsync("ghost__anything", "{}");
        Assert.Contains("no tool named 'ghost__anything'", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerThatDies_IsReportedWithItsStderr_AndRetriedWithBackoffOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        using var scratch = new TempDirectory();
        var starts = scratch.Combine("starts.txt");
        var dying = new McpServerConfig { Command = "/bin/sh", Args = ["-c", $"echo started >> '{starts}'; echo 'boom: bad config' >&2; exit 3"] };
        await using var tools = await ToolGateway.StartAsync(configure: With("dying", dying), timeProvider: clock);

        var server = await McpStatus.WaitSettledAsync(tools.Gateway, "dying", Ct);

        Assert.Equal("failed", server.State);
        Assert.StartsWith("the server process exited with code 3 (", server.LastError, StringComparison.Ordinal);
        Assert.EndsWith("; stderr: boom: bad config", server.LastError, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(starts));
        clock.Advance(TimeSpan.FromSeconds(1)); // first back-off: 1 s
        while (File.ReadAllLines(starts).Length < 2)
        {
            await Task.Delay(50, Ct);
        }
        tools.Llm.EnqueueText("fine without it");
        Assert.Equal("fine without it", await GatewayChat.AskAsync(tools.Gateway.Http, "hello", "mcp"));
    }

    [Fact]
    public async Task ServerThatClosesItsPipesBeforeExplaining_IsStillReportedWithItsStderr()
    {
        // The initialize request fails on the closed stdin before the process has exited, and stdout's end starts the
        // SDK's clean-up: the reason arrives on stderr only after the failure has been thrown.
        var late = new McpServerConfig { Command = "/bin/sh", Args = ["-c", "exec 0<&- 1>&-; sleep 0.3; echo 'boom: said late' >&2; exit 4"] };
        await using var tools = await ToolGateway.StartAsync(configure: With("late", late), timeProvider: new FakeTimeProvider());

        var server = await McpStatus.WaitSettledAsync(tools.Gateway, "late", Ct);

        Assert.Equal("failed", server.State);
        Assert.StartsWith("the server process exited with code 4 (", server.LastError, StringComparison.Ordinal);
        Assert.EndsWith("; stderr: boom: said late", server.LastError, StringComparison.Ordinal);
    }
}
