using System.Reflection;
using System.Text;

namespace MoltBot.Agent;

/// <summary>
/// The agent's workspace folder and its bootstrap files (<c>AGENTS.md</c>, <c>SOUL.md</c>, <c>USER.md</c>,
/// <c>IDENTITY.md</c>, <c>MEMORY.md</c>), created from templates on first run and injected into the system prompt.
/// </summary>
internal sealed class AgentWorkspace(string root)
{
    /// <summary>Per-file and total caps keep a runaway file from eating the context window.</summary>
    public const int MaxCharsPerFile = 20_000;
    public const int MaxCharsTotal = 60_000;

    public static readonly IReadOnlyList<string> BootstrapFiles = ["AGENTS.md", "SOUL.md", "USER.md", "IDENTITY.md", "MEMORY.md"];

    public string Root { get; } = root;

    /// <summary>Creates the folder and any missing bootstrap file; never overwrites the user's edits.</summary>
    public void EnsureCreated(string agentName)
    {
        Storage.StateFiles.EnsurePrivateFolder(Root);
        Directory.CreateDirectory(Path.Combine(Root, "memory"));
        foreach (var file in BootstrapFiles)
        {
            var path = Path.Combine(Root, file);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, ReadTemplate(file).Replace("{{name}}", agentName, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The bootstrap files that exist, each truncated to its cap, in prompt order.</summary>
    /// <param name="files">Where unchanged files are read from memory; without it every file is read from disk.</param>
    public IReadOnlyList<(string Name, string Content)> ReadBootstrapFiles(FileTextCache? files = null)
    {
        files ??= new FileTextCache();
        var texts = new string?[BootstrapFiles.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = files.Read(Path.Combine(Root, BootstrapFiles[i]));
        }
        return Capped(texts);
    }

    /// <summary>
    /// The bootstrap files' texts (in <see cref="BootstrapFiles"/> order, null for a missing file) as they go into the
    /// prompt: the missing ones left out, each truncated to its cap and to what is left of the total.
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> Capped(IReadOnlyList<string?> texts)
    {
        var result = new List<(string, string)>();
        var budget = MaxCharsTotal;
        for (var i = 0; i < BootstrapFiles.Count; i++)
        {
            var file = BootstrapFiles[i];
            if (budget <= 0 || texts[i] is not { } text)
            {
                continue;
            }
            var cap = Math.Min(MaxCharsPerFile, budget);
            if (text.Length > cap)
            {
                text = string.Concat(text.AsSpan(0, cap), $"\n…[truncated: {file} is {text.Length} chars; only the first {cap} are shown]");
            }
            budget -= text.Length;
            result.Add((file, text));
        }
        return result;
    }

    private static string ReadTemplate(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("templates/" + file)
            ?? throw new InvalidOperationException($"Missing embedded template {file}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
