using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>The default exec policy asks the owner; the turn waits for /approve, /deny or the expiry.</summary>
public sealed class ExecApprovalTests
{
    private static readonly ExecConfig Defaults = new();

    private static Task<JsonObject> WaitForPendingAsync(ToolGateway tools) => tools.WaitForPendingApprovalAsync();

    private static Task<HttpResponseMessage> StartTouchTurnAsync(ToolGateway tools, string file)
    {
        tools.Llm.EnqueueToolCall("exec", new JsonObject { ["command"] = $"touch {file}" }.ToJsonString(), "call_touch");
        tools.Llm.EnqueueText("finished");
        return GatewayChat.PostAsync(tools.Gateway.Http, "make the file", user: "owner", stream: true);
    }

    [Fact]
    public async Task Approve_FromTheSameApiUser_RunsTheWaitingCommand_WithoutDeadlockingTheSession()
    {
        await using var tools = await ToolGateway.StartAsync(Defaults);
        var turn = StartTouchTurnAsync(tools, "approved.txt");

        var pending = await WaitForPendingAsync(tools);
        var id = pending["id"]!.GetValue<string>();
        Assert.Equal("touch approved.txt", pending["command"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(tools.Workspace, "approved.txt")));

        var reply = await GatewayChat.AskAsync(tools.Gateway.Http, $"/approve {id}", user: "owner");
        using var response = await turn;
        var stream = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"Approved {id}", reply, StringComparison.Ordinal);
        Assert.Contains($"/approve {id}", stream, StringComparison.Ordinal); // the request was streamed to the caller
        Assert.Contains("touch approved.txt", stream, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tools.Workspace, "approved.txt")));
        Assert.StartsWith("Exit code: 0", ToolGateway.ToolResult(tools.Llm.Requests[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deny_FromTheApi_RefusesTheCommand_AndTellsTheModel()
    {
        await using var tools = await ToolGateway.StartAsync(Defaults);
        var turn = StartTouchTurnAsync(tools, "denied.txt");
        var id = (await WaitForPendingAsync(tools))["id"]!.GetValue<string>();

        using var answer = await tools.Gateway.Http.PostAsync($"/api/approvals/{id}/deny", null, TestContext.Current.CancellationToken);
        (await turn).Dispose();

        Assert.True(answer.IsSuccessStatusCode);
        Assert.False(File.Exists(Path.Combine(tools.Workspace, "denied.txt")));
        Assert.Contains("the owner denied this command", ToolGateway.ToolResult(tools.Llm.Requests[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_ExpiresAsDenied_OnTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var tools = await ToolGateway.StartAsync(Defaults with { ApprovalTimeoutSeconds = 300 }, timeProvider: clock);
        var turn = StartTouchTurnAsync(tools, "expired.txt");
        await WaitForPendingAsync(tools);

        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.False(turn.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await turn).Dispose();

        Assert.False(File.Exists(Path.Combine(tools.Workspace, "expired.txt")));
        Assert.Contains("expired as denied", ToolGateway.ToolResult(tools.Llm.Requests[1]), StringComparison.Ordinal);
        var left = await tools.Gateway.Http.GetFromJsonAsync<JsonObject>("/api/approvals", TestContext.Current.CancellationToken);
        Assert.Empty(left!["approvals"]!.AsArray());
    }

    [Fact]
    public async Task AskAlways_AsksEvenForAllowlistedCommands()
    {
        await using var tools = await ToolGateway.StartAsync(Defaults with { Ask = ExecConfig.AskAlways, Allowlist = ["touch *"] });
        var turn = StartTouchTurnAsync(tools, "asked.txt");

        var id = (await WaitForPendingAsync(tools))["id"]!.GetValue<string>();
        await GatewayChat.AskAsync(tools.Gateway.Http, $"/deny {id}", user: "someone-else");
        (await turn).Dispose();

        Assert.False(File.Exists(Path.Combine(tools.Workspace, "asked.txt")));
    }
}
