using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

/// <summary>A temporary state folder plus an environment dictionary pointing at it; never touches the real environment.</summary>
internal sealed class TempState : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("moltbot-config-");

    public TempState(string? configText = null, params (string Name, string Value)[] environment)
    {
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { [MoltBotPaths.StateDirVariable] = StateDir };
        foreach (var (name, value) in environment)
        {
            Environment[name] = value;
        }
        if (configText is not null)
        {
            File.WriteAllText(ConfigPath, configText);
        }
    }

    public string StateDir => _dir.FullName;

    public string ConfigPath => Path.Combine(StateDir, "moltbot.json");

    public Dictionary<string, string?> Environment { get; }

    public string ReadConfig() => File.ReadAllText(ConfigPath);

    public LoadedConfig Load(IReadOnlyDictionary<string, string>? flags = null) =>
        ConfigLoader.Load(new ConfigLoadRequest(Environment, flags ?? new Dictionary<string, string>()));

    public IReadOnlyList<ConfigIssue> LoadIssues(IReadOnlyDictionary<string, string>? flags = null) =>
        Assert.Throws<ConfigException>(() => Load(flags)).Issues;

    public void Dispose() => _dir.Delete(recursive: true);
}
