namespace MoltBot.Configuration;

/// <summary>Where MoltBot keeps its state: <c>MOLTBOT_STATE_DIR</c> (default <c>~/.moltbot</c>) and the config file inside it.</summary>
internal sealed record MoltBotPaths(string StateDir, string ConfigPath)
{
    public const string StateDirVariable = "MOLTBOT_STATE_DIR";
    public const string ConfigPathVariable = "MOLTBOT_CONFIG_PATH";

    public string DatabasePath => Path.Combine(StateDir, "moltbot.db");
    public string TokenPath => Path.Combine(StateDir, "gateway.token");
    public string DefaultWorkspace => Path.Combine(StateDir, "workspace");

    public static MoltBotPaths Resolve(IReadOnlyDictionary<string, string?> environment)
    {
        var stateDir = environment.GetValueOrDefault(StateDirVariable) is { Length: > 0 } s
            ? Path.GetFullPath(ExpandHome(s))
            : Path.Combine(HomeDirectory(), ".moltbot");
        var configPath = environment.GetValueOrDefault(ConfigPathVariable) is { Length: > 0 } c
            ? Path.GetFullPath(ExpandHome(c))
            : Path.Combine(stateDir, "moltbot.json");
        return new MoltBotPaths(stateDir, configPath);
    }

    public static string ExpandHome(string path) =>
        path == "~" ? HomeDirectory()
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(HomeDirectory(), path[2..])
        : path;

    private static string HomeDirectory() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
