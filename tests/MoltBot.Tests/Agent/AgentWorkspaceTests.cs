using MoltBot.Agent;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent;

public sealed class AgentWorkspaceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void EnsureCreated_WritesTemplates_WithAgentName()
    {
        var workspace = new AgentWorkspace(_dir.Combine("ws"));
        workspace.EnsureCreated("Clawd");

        foreach (var file in AgentWorkspace.BootstrapFiles)
        {
            Assert.True(File.Exists(_dir.Combine("ws", file)), file);
        }
        Assert.Contains("Name: Clawd", File.ReadAllText(_dir.Combine("ws", "IDENTITY.md")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(_dir.Combine("ws", "memory")));
    }

    [Fact]
    public void EnsureCreated_NeverOverwritesUserEdits()
    {
        var workspace = new AgentWorkspace(_dir.Combine("ws"));
        workspace.EnsureCreated("A");
        File.WriteAllText(_dir.Combine("ws", "USER.md"), "Name: Ada");

        workspace.EnsureCreated("B");

        Assert.Equal("Name: Ada", File.ReadAllText(_dir.Combine("ws", "USER.md")));
    }

    [Fact]
    public void ReadBootstrapFiles_CapsOversizedFile()
    {
        var workspace = new AgentWorkspace(_dir.Combine("ws"));
        workspace.EnsureCreated("A");
        File.WriteAllText(_dir.Combine("ws", "MEMORY.md"), new string('x', AgentWorkspace.MaxCharsPerFile + 5_000));

        var memory = workspace.ReadBootstrapFiles().Single(f => f.Name == "MEMORY.md").Content;

        Assert.True(memory.Length < AgentWorkspace.MaxCharsPerFile + 200);
        Assert.Contains("truncated", memory, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
