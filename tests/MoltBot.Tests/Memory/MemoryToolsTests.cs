using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Configuration;
using MoltBot.Tests.Agent.Tools;

namespace MoltBot.Tests.Memory;

/// <summary>memory_search, memory_get and memory_write through a real gateway, called by the fake model.</summary>
public sealed class MemoryToolsTests
{
    private static string Args(params (string Name, JsonNode? Value)[] values)
    {
        var json = new JsonObject();
        foreach (var (name, value) in values)
        {
            json[name] = value;
        }
        return json.ToJsonString();
    }

    private static void Write(ToolGateway tools, string relative, string content)
    {
        var path = Path.Combine(tools.Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public async Task MemorySearch_ReturnsRankedSnippets_WithFileLinesAndScore_MarkedUntrusted()
    {
        await using var tools = await ToolGateway.StartAsync();
        Write(tools, "memory/2026-11-30.md", "# 2026-11-30\n\nThe owner's sister Ingrid lives in Bergen.\nShe visits in January.\n");
        Write(tools, "memory/2026-12-01.md", "# 2026-12-01\n\nBooked the car service.\n");

        var result = await tools.CallAsync("memory_search", Args(("query", "Where does Ingrid live?"), ("maxResults", 3)));

        Assert.Contains("[1] memory/2026-11-30.md:1-4 (score ", result, StringComparison.Ordinal);
        Assert.Contains("<untrusted source=\"memory:memory/2026-11-30.md\">", result, StringComparison.Ordinal);
        Assert.Contains("Ingrid lives in Bergen", result, StringComparison.Ordinal);
        Assert.DoesNotContain("car service", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryWrite_ThenSearch_FindsTheNoteAtOnce()
    {
        await using var tools = await ToolGateway.StartAsync();

        var saved = await tools.CallAsync("memory_write", Args(("content", "- The wifi password hint is 'blue heron'.")));
        var found = await tools.CallAsync("memory_search", Args(("query", "heron")));

        Assert.StartsWith("Saved to memory/", saved, StringComparison.Ordinal);
        Assert.Contains("blue heron", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryWrite_AppendsToTodaysNote_DatedByTheFakeClock_InTheOwnersTimezone()
    {
        // 23:30 UTC on 14 March is already 15 March in Tokyo.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));
        await using var tools = await ToolGateway.StartAsync(timeProvider: time, configure: c => c with
        {
            Agents = c.Agents with { Defaults = c.Agents.Defaults with { UserTimezone = "Asia/Tokyo" } },
        });

        Assert.Equal("Saved to memory/2026-03-15.md.", await tools.CallAsync("memory_write", Args(("content", "Owner prefers window seats."))));
        Assert.Equal("Saved to memory/2026-03-15.md.", await tools.CallAsync("memory_write", Args(("content", "Allergic to peanuts."), ("target", "daily"))));
        Assert.Equal("Saved to MEMORY.md.", await tools.CallAsync("memory_write", Args(("content", "- Name: Sam"), ("target", "longterm"))));

        Assert.Equal("# 2026-03-15\n\nOwner prefers window seats.\nAllergic to peanuts.\n", File.ReadAllText(Path.Combine(tools.Workspace, "memory", "2026-03-15.md")));
        Assert.EndsWith("\n- Name: Sam\n", File.ReadAllText(Path.Combine(tools.Workspace, "MEMORY.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryWrite_WithoutATimezone_UsesTheUtcDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));
        await using var tools = await ToolGateway.StartAsync(timeProvider: time);

        Assert.Equal("Saved to memory/2026-03-14.md.", await tools.CallAsync("memory_write", Args(("content", "note"))));
    }

    [Fact]
    public async Task MemoryGet_ReadsALineRange_OfAMemoryFile()
    {
        await using var tools = await ToolGateway.StartAsync();
        Write(tools, "memory/2026-12-01.md", "one\ntwo\nthree\nfour\n");

        var result = await tools.CallAsync("memory_get", Args(("path", "memory/2026-12-01.md"), ("from", 2), ("lines", 2)));

        Assert.StartsWith("<untrusted source=\"memory:memory/2026-12-01.md\">\ntwo\nthree\n</untrusted>", result, StringComparison.Ordinal);
        Assert.Contains("call again with from 4", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside/secret.md")]
    [InlineData("memory/../../outside/secret.md")]
    [InlineData("/etc/passwd")]
    [InlineData("AGENTS.md")]
    [InlineData("memory/../AGENTS.md")]
    [InlineData("notes/todo.md")]
    public async Task MemoryGet_OutsideMemoryFiles_IsRefused(string path)
    {
        await using var tools = await ToolGateway.StartAsync();
        Directory.CreateDirectory(tools.State.Combine("outside"));
        File.WriteAllText(tools.State.Combine("outside", "secret.md"), "TOP-SECRET");
        Write(tools, "notes/todo.md", "TOP-SECRET too");

        var result = await tools.CallAsync("memory_get", Args(("path", path)));

        Assert.StartsWith("Error", result, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", result, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryTools_FollowToolsDeny()
    {
        await using var tools = await ToolGateway.StartAsync(configure: c => c with
        {
            Tools = c.Tools with { Deny = ["memory_write"] },
        });

        await tools.CallAsync("memory_search", Args(("query", "x")));
        var offered = ToolGateway.OfferedTools(tools.Llm.Requests[0]);
        var refused = await tools.CallAsync("memory_write", Args(("content", "x")));

        Assert.Contains("memory_search", offered);
        Assert.Contains("memory_get", offered);
        Assert.DoesNotContain("memory_write", offered);
        Assert.Contains("not allowed", refused, StringComparison.Ordinal);
    }
}
