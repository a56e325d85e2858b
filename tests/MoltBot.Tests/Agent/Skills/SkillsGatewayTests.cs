using System.Text.Json.Nodes;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Web;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Skills;

/// <summary>Skills through a real gateway and the fake LLM: what the model is told, turn by turn, without restarts.</summary>
public sealed class SkillsGatewayTests
{
    private const string SummarizeSkill = """
        ---
        name: summarize-web
        description: Summarize any webpage the user sends (a URL in the message).
        ---
        1. Call web_fetch with the URL.
        2. Answer with three bullet points.
        """;

    [Fact]
    public async Task NewSkillFolder_WrittenWhileRunning_IsInTheNextTurnsSystemPrompt()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));

        await GatewayChat.AskAsync(gateway.Http, "hello");
        Assert.DoesNotContain("summarize-web", SystemPrompt(llm.Requests[^1]), StringComparison.Ordinal);

        var folder = Path.Combine(state.Path, "workspace", "skills", "summarize-web");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "SKILL.md"), SummarizeSkill, TestContext.Current.CancellationToken);
        await GatewayChat.AskAsync(gateway.Http, "summarize https://example.org please");

        var prompt = SystemPrompt(llm.Requests[^1]);
        Assert.Contains($"- summarize-web: Summarize any webpage the user sends (a URL in the message). ({Path.Combine(folder, "SKILL.md")})", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("three bullet points", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateASkillThatSummarizesWebpages_WrittenByTheAgent_UsedOnTheNextRequest()
    {
        using var state = new TempDirectory();
        await using var site = await FakeWebServer.StartAsync(TestContext.Current.CancellationToken);
        site.Page("/post", "text/html", "<html><head><title>Pelicans</title></head><body><main><p>Pelicans eat fish.</p></main></body></html>");
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm) with
        {
            Tools = new ToolsConfig { Web = new WebToolsConfig { AllowPrivate = [$"127.0.0.1:{site.Port}"] } },
        };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config);

        // Turn 1: the owner asks; the model writes the skill with the file tools' `write`.
        llm.EnqueueToolCall("write", new JsonObject { ["path"] = "skills/summarize-web/SKILL.md", ["content"] = SummarizeSkill }.ToJsonString());
        llm.EnqueueText("Done: I can now summarize webpages.");
        await GatewayChat.AskAsync(gateway.Http, "Create a skill that summarizes any webpage I send you");
        if (ToolResults(llm.Requests[^1]).Any(r => r.Contains("there is no tool named 'write'", StringComparison.Ordinal)))
        {
            Assert.Skip("needs the `write` file tool (issue 5, file tools), which this branch does not have yet");
        }

        // Turn 2: a matching request; the skill is offered, read, and followed.
        llm.EnqueueToolCall("skill_read", """{"name":"summarize-web"}""");
        llm.EnqueueToolCall("web_fetch", new JsonObject { ["url"] = site.Url("/post") }.ToJsonString());
        llm.EnqueueText("- Pelicans eat fish.");
        var answer = await GatewayChat.AskAsync(gateway.Http, $"Summarize {site.Url("/post")}");

        var requests = llm.Requests;
        Assert.Contains("- summarize-web: Summarize any webpage", SystemPrompt(requests[^3]), StringComparison.Ordinal);
        Assert.Contains(ToolResults(requests[^2]), r => r.Contains("2. Answer with three bullet points.", StringComparison.Ordinal));
        Assert.Contains(ToolResults(requests[^1]), r => r.Contains("Pelicans eat fish.", StringComparison.Ordinal) && r.Contains("<untrusted source=\"web_fetch\"", StringComparison.Ordinal));
        Assert.Equal("- Pelicans eat fish.", answer);
    }

    internal static string SystemPrompt(RecordedRequest request) =>
        request.Json!["messages"]!.AsArray().First(m => m!["role"]!.GetValue<string>() == "system")!["content"]!.GetValue<string>();

    internal static IEnumerable<string> ToolResults(RecordedRequest request) =>
        request.Json!["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => m!["content"]!.ToString());
}
