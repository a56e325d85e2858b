using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MoltBot.Agent.Tools.Exec;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>
/// <c>tools.exec.sandbox</c> under bubblewrap: no network unless allowed, the workspace the only writable path.
/// Where bwrap cannot run (not installed, no user namespaces) the tool must say so instead of running unsandboxed.
/// </summary>
public sealed class ExecSandboxTests
{
    private static readonly string? Problem = new BubblewrapSandbox().Problem;

    private static ExecConfig Sandboxed(bool network) =>
        new() { Security = ExecConfig.SecurityFull, Ask = ExecConfig.AskOff, Sandbox = true, Network = network };

    private static string Command(string command) => new JsonObject { ["command"] = command }.ToJsonString();

    [Fact]
    public async Task Sandbox_BlocksTheNetwork_AndWritesOutsideTheWorkspace()
    {
        await using var tools = await ToolGateway.StartAsync(Sandboxed(network: false));
        var outside = tools.State.Combine("outside");
        Directory.CreateDirectory(outside);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await tools.CallAsync("exec", Command(
            $"touch inside.txt; echo x > {outside}/escape.txt; echo x > /etc/moltbot-probe; " +
            $"bash -c 'echo > /dev/tcp/127.0.0.1/{port}' && echo CONNECTED; echo finished"));

        if (Problem is not null)
        {
            Assert.Contains("sandbox requested (tools.exec.sandbox) but bwrap is not usable", result, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(tools.Workspace, "inside.txt")));
            return;
        }
        Assert.Contains("finished", result, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tools.Workspace, "inside.txt")), result);
        Assert.False(File.Exists(Path.Combine(outside, "escape.txt")), result);
        Assert.False(File.Exists("/etc/moltbot-probe"), result);
        Assert.DoesNotContain("CONNECTED", result, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Sandbox_WithNetworkAllowed_CanConnect()
    {
        Assert.SkipWhen(Problem is not null, $"bwrap is not usable here: {Problem}");
        await using var tools = await ToolGateway.StartAsync(Sandboxed(network: true));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await tools.CallAsync("exec", Command($"bash -c 'echo > /dev/tcp/127.0.0.1/{port}' && echo CONNECTED"));

        Assert.Contains("CONNECTED", result, StringComparison.Ordinal);
    }
}
