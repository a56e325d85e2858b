using MoltBot.TestSupport;
using MoltBot.Tests.Agent.Skills;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent;

/// <summary>Through a real gateway: what the owner changes in the workspace between two messages is in the second request.</summary>
public sealed class SystemPromptGatewayTests
{
    [Fact]
    public async Task EditedBootstrapFileAndDeletedSkill_BetweenTwoMessages_ShowInTheSecondRequest()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));
        var workspace = Path.Combine(state.Path, "workspace");
        var skill = Path.Combine(workspace, "skills", "weather");
        Directory.CreateDirectory(skill);
        await File.WriteAllTextAsync(Path.Combine(skill, "SKILL.md"), SkillFolders.Skill("weather", "Use for forecasts."), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(workspace, "USER.md"), "The owner is Ann.", TestContext.Current.CancellationToken);

        await GatewayChat.AskAsync(gateway.Http, "hello");
        var first = SkillsGatewayTests.SystemPrompt(llm.Requests[^1]);
        await GatewayChat.AskAsync(gateway.Http, "hello again");
        Assert.Equal(first, SkillsGatewayTests.SystemPrompt(llm.Requests[^1]));

        await File.WriteAllTextAsync(Path.Combine(workspace, "USER.md"), "The owner is Bob Smith.", TestContext.Current.CancellationToken);
        Directory.Delete(skill, recursive: true);
        await GatewayChat.AskAsync(gateway.Http, "who am I?");

        var prompt = SkillsGatewayTests.SystemPrompt(llm.Requests[^1]);
        Assert.Contains("- weather: Use for forecasts.", first, StringComparison.Ordinal);
        Assert.Contains("The owner is Ann.", first, StringComparison.Ordinal);
        Assert.Contains("The owner is Bob Smith.", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("The owner is Ann.", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("weather", prompt, StringComparison.Ordinal);
    }
}
