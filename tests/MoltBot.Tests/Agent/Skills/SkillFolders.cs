using MoltBot.Agent.Skills;
using MoltBot.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Skills;

/// <summary>A temp state folder with a workspace, plus helpers to write skills into either skills folder.</summary>
internal sealed class SkillFolders : IDisposable
{
    private readonly TempDirectory _root = new();

    public string StateDir => _root.Path;

    public string Workspace => _root.Combine("workspace");

    public MoltBotPaths Paths => new(StateDir, _root.Combine("moltbot.json"));

    /// <summary>A host where only <c>sh</c> is on PATH, <c>PRESENT_TOKEN</c> is set, and the OS is linux.</summary>
    public static SkillHost Host { get; } = new(
        name => name == "PRESENT_TOKEN" ? "set" : null,
        bin => bin == "sh",
        "linux");

    public string WriteWorkspaceSkill(string folder, string text) => Write(System.IO.Path.Combine(Workspace, "skills", folder), text);

    public string WriteManagedSkill(string folder, string text) => Write(System.IO.Path.Combine(StateDir, "skills", folder), text);

    public SkillCatalog Catalog(SkillsConfig? config = null, SkillHost? host = null) => new(config ?? new SkillsConfig(), Paths, host ?? Host);

    public static string Skill(string name, string description, string metadata = "", string body = "Do the thing.") =>
        $"---\nname: {name}\ndescription: {description}\n{metadata}---\n{body}\n";

    private static string Write(string folder, string text)
    {
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, SkillDocument.FileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => _root.Dispose();
}
