using System.Text.Json.Nodes;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>
/// A real gateway whose fake model scripts tool calls: <see cref="CallAsync"/> makes the model call one tool and
/// returns the result exactly as the model received it in its next request.
/// </summary>
internal sealed class ToolGateway : IAsyncDisposable
{
    private ToolGateway(TempDirectory state, FakeOpenAiServer llm, GatewayHarness gateway)
    {
        State = state;
        Llm = llm;
        Gateway = gateway;
    }

    public TempDirectory State { get; }
    public FakeOpenAiServer Llm { get; }
    public GatewayHarness Gateway { get; }
    public string Workspace => State.Combine("workspace");

    /// <summary>Starts with <paramref name="exec"/> as <c>tools.exec</c> (default: any command runs, nothing asks).</summary>
    public static async Task<ToolGateway> StartAsync(
        ExecConfig? exec = null, Func<MoltBotConfig, MoltBotConfig>? configure = null, TimeProvider? timeProvider = null)
    {
        var state = new TempDirectory();
        var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm) with
        {
            Tools = new ToolsConfig { Exec = exec ?? new ExecConfig { Security = ExecConfig.SecurityFull, Ask = ExecConfig.AskOff } },
        };
        var gateway = await GatewayHarness.StartAsync(state.Path, configure?.Invoke(config) ?? config, timeProvider);
        return new ToolGateway(state, llm, gateway);
    }

    /// <summary>The model calls <paramref name="tool"/> once, then answers "done"; returns the tool result it saw.</summary>
    public async Task<string> CallAsync(string tool, string argumentsJson, string user = "tools")
    {
        var before = Llm.Requests.Count;
        Llm.EnqueueToolCall(tool, argumentsJson, "call_" + before);
        Llm.EnqueueText("done");
        Assert.Equal("done", await GatewayChat.AskAsync(Gateway.Http, "use the tool", user));
        return ToolResult(Llm.Requests[before + 1]);
    }

    /// <summary>The newest tool message in a model request.</summary>
    /// <summary>The first request waiting for the owner's approval (<c>GET /api/approvals</c>), once there is one.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> WaitForPendingApprovalAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30)); // a hang guard, not a timing assertion
        while (true)
        {
            var list = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Gateway.Http, "/api/approvals", cts.Token);
            if (list!["approvals"]!.AsArray() is [System.Text.Json.Nodes.JsonObject first, ..])
            {
                return first;
            }
            await Task.Delay(20, cts.Token);
        }
    }

    public static string ToolResult(RecordedRequest request) =>
        request.Json!["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.GetValue<string>();

    /// <summary>The tool names offered to the model in a request.</summary>
    public static IReadOnlyList<string> OfferedTools(RecordedRequest request) =>
        request.Json!["tools"] is JsonArray tools ? [.. tools.Select(t => t!["function"]!["name"]!.GetValue<string>())] : [];

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Llm.DisposeAsync();
        State.Dispose();
    }
}
