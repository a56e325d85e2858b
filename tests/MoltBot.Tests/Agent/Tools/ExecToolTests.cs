using System.Text.Json.Nodes;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Tools;

/// <summary><c>exec</c> through a real gateway: its limits (time, output, environment, policy) are pushed until they hold.</summary>
public sealed class ExecToolTests
{
    private static string Command(string command, int? timeout = null)
    {
        var json = new JsonObject { ["command"] = command };
        if (timeout is { } t)
        {
            json["timeout"] = t;
        }
        return json.ToJsonString();
    }

    private static bool AnyProcessWithArgument(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(d =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(marker, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    /// <summary>
    /// Whether every process with <paramref name="marker"/> in its command line is gone within a few seconds. A SIGKILL
    /// is sent at once, but a process leaves <c>/proc</c> only once the kernel has finished it, which on a busy machine
    /// can come after the kill call has returned (seen in CI).
    /// </summary>
    private static async Task<bool> AllGoneAsync(string marker)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (!AnyProcessWithArgument(marker))
            {
                return true;
            }
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        return false;
    }

    [Fact]
    public async Task Exec_RunsInTheWorkspace_WithHomeThere_AndOutputMarkedUntrusted()
    {
        await using var tools = await ToolGateway.StartAsync();

        var result = await tools.CallAsync("exec", Command("pwd; echo \"home=$HOME\"; echo oops >&2; exit 3"));

        Assert.StartsWith("Exit code: 3\n<untrusted source=\"exec\">\n", result, StringComparison.Ordinal);
        Assert.Contains(tools.Workspace + "\n", result, StringComparison.Ordinal);
        Assert.Contains("home=" + tools.Workspace, result, StringComparison.Ordinal);
        Assert.Contains("oops", result, StringComparison.Ordinal);
        Assert.EndsWith("</untrusted>", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_Timeout_KillsTheWholeProcessGroup_BackgroundChildrenIncluded()
    {
        var marker = "100." + Random.Shared.Next(100_000, 999_999);
        await using var tools = await ToolGateway.StartAsync();

        // The model asks for 1 s; the child in the background would outlive a plain kill of the shell.
        var result = await tools.CallAsync("exec", Command($"echo started; sleep {marker}1 & sleep {marker}2", timeout: 1));

        Assert.StartsWith("Killed after the time limit of 1 s", result, StringComparison.Ordinal);
        Assert.Contains("started", result, StringComparison.Ordinal);
        Assert.True(await AllGoneAsync(marker), "a sleep from the killed command is still running");
    }

    [Fact]
    public async Task Exec_ModelCannotRaiseTheTimeoutAboveTheMaximum()
    {
        await using var tools = await ToolGateway.StartAsync(new ExecConfig
        {
            Security = ExecConfig.SecurityFull, Ask = ExecConfig.AskOff, TimeoutSeconds = 30, MaxTimeoutSeconds = 1,
        });

        var result = await tools.CallAsync("exec", Command("sleep 50", timeout: 3600));

        Assert.StartsWith("Killed after the time limit of 1 s", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_OutputIsCapped_KeepingHeadAndTail_WithANote()
    {
        await using var tools = await ToolGateway.StartAsync(new ExecConfig
        {
            Security = ExecConfig.SecurityFull, Ask = ExecConfig.AskOff, MaxOutputBytes = 4096,
        });

        var result = await tools.CallAsync("exec", Command("echo FIRST; head -c 500000 /dev/zero | tr '\\0' x; echo; echo LAST"));

        Assert.Contains("FIRST", result, StringComparison.Ordinal);
        Assert.Contains("LAST", result, StringComparison.Ordinal);
        Assert.Contains("bytes of output dropped", result, StringComparison.Ordinal);
        Assert.True(result.Length < 5000, $"result is {result.Length} chars");
    }

    [Theory]
    [InlineData("echo hi", true)]
    [InlineData("echo hi && echo there", true)]
    [InlineData("echo hi | wc -l", true)]
    [InlineData("echo hi; rm -rf victim", false)]
    [InlineData("echo $(rm -rf victim)", false)]
    [InlineData("echo `rm -rf victim`", false)]
    [InlineData("echo \"$(rm -rf victim)\"", false)]
    [InlineData("echo hi > victim", false)]
    [InlineData("rm -rf victim", false)]
    public async Task Allowlist_WithAskOff_RunsOnlyCommandsWhosePartsAllMatch(string command, bool runs)
    {
        await using var tools = await ToolGateway.StartAsync(new ExecConfig
        {
            Security = ExecConfig.SecurityAllowlist, Ask = ExecConfig.AskOff, Allowlist = ["echo *", "wc -l"],
        });
        Directory.CreateDirectory(Path.Combine(tools.Workspace, "victim"));

        var result = await tools.CallAsync("exec", Command(command));

        Assert.Equal(runs, result.StartsWith("Exit code: 0", StringComparison.Ordinal));
        Assert.True(runs || result.Contains("not in tools.exec.allowlist", StringComparison.Ordinal), result);
        Assert.True(Directory.Exists(Path.Combine(tools.Workspace, "victim")));
    }

    [Fact]
    public async Task SecurityDeny_RefusesEveryCommand()
    {
        await using var tools = await ToolGateway.StartAsync(new ExecConfig { Security = ExecConfig.SecurityDeny, Ask = ExecConfig.AskOff });

        Assert.Contains("exec is disabled (tools.exec.security: deny)", await tools.CallAsync("exec", Command("true")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Background_ReturnsASession_ThatCanBePolledAndKilled()
    {
        var marker = "100." + Random.Shared.Next(100_000, 999_999);
        await using var tools = await ToolGateway.StartAsync();

        var started = await tools.CallAsync("exec", new JsonObject { ["command"] = $"echo one; sleep {marker}", ["background"] = true }.ToJsonString());
        var id = System.Text.RegularExpressions.Regex.Match(started, @"session (bg-[0-9a-f]+)").Groups[1].Value;
        var list = await tools.CallAsync("process", """{"action":"list"}""");
        var output = "";
        while (!output.Contains("one", StringComparison.Ordinal)) // the shell may not have echoed yet
        {
            output += await tools.CallAsync("process", new JsonObject { ["action"] = "poll", ["sessionId"] = id }.ToJsonString());
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        var killed = await tools.CallAsync("process", new JsonObject { ["action"] = "kill", ["sessionId"] = id }.ToJsonString());
        var polled = await tools.CallAsync("process", new JsonObject { ["action"] = "poll", ["sessionId"] = id }.ToJsonString());
        var again = await tools.CallAsync("process", new JsonObject { ["action"] = "poll", ["sessionId"] = id }.ToJsonString());

        Assert.NotEmpty(id);
        Assert.Contains($"{id}: running", list, StringComparison.Ordinal);
        Assert.Contains("Status: running", output, StringComparison.Ordinal);
        Assert.Contains("Killed " + id, killed, StringComparison.Ordinal);
        Assert.Contains("Status: killed", polled, StringComparison.Ordinal);
        Assert.Contains("(no new output)", again, StringComparison.Ordinal);
        Assert.True(await AllGoneAsync(marker));
    }

    [Fact]
    public async Task Background_ProcessesAreKilled_WhenTheGatewayStops()
    {
        var marker = "100." + Random.Shared.Next(100_000, 999_999);
        var tools = await ToolGateway.StartAsync();
        await using (tools)
        {
            await tools.CallAsync("exec", new JsonObject { ["command"] = $"sleep {marker}", ["background"] = true }.ToJsonString());
            Assert.True(AnyProcessWithArgument(marker));
        }

        Assert.True(await AllGoneAsync(marker));
    }
}
