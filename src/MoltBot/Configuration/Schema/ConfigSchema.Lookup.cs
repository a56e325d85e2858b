using System.Net;

namespace MoltBot.Configuration.Schema;

internal static partial class ConfigSchema
{
    private static readonly ConfigKey Root = new("", ConfigValueKind.Section, "The configuration file.");

    private static readonly Dictionary<string, ConfigKey> ByPath = Keys.ToDictionary(k => k.Path, StringComparer.Ordinal);

    private static readonly ILookup<string, ConfigKey> ByParent = Keys.ToLookup(k => k.Parent, StringComparer.Ordinal);

    public static ConfigKey? Find(string pattern) => pattern.Length == 0 ? Root : ByPath.GetValueOrDefault(pattern);

    /// <summary>The schema keys directly under a section pattern (the known siblings for "did you mean").</summary>
    public static IEnumerable<ConfigKey> Children(string pattern) => ByParent[pattern];

    /// <summary>The pattern for a member called <paramref name="name"/> of the node that follows <paramref name="parent"/>.</summary>
    public static string ChildPattern(ConfigKey parent, string name) => parent.Kind switch
    {
        ConfigValueKind.Map => parent.Path + ".*",
        _ when parent.Path.Length == 0 => name,
        _ => parent.Path + "." + name,
    };

    /// <summary>Maps a concrete path (<c>agents.list[0].identity.name</c>) to its schema key.</summary>
    /// <param name="error">Why it is not a key, with a "did you mean" when one is close.</param>
    public static ConfigKey? Resolve(string path, out string? error)
    {
        error = null;
        if (!ConfigPath.TryParse(path, out var segments))
        {
            error = $"'{path}' is not a key path (use dots and [n], e.g. agents.list[0].id).";
            return null;
        }
        var current = Root;
        var walked = "";
        foreach (var segment in segments)
        {
            ConfigKey? next = (current.Kind, segment.Index) switch
            {
                (ConfigValueKind.List, not null) => Find(current.Path + "[]"),
                (ConfigValueKind.Section or ConfigValueKind.ModelSelection or ConfigValueKind.Map, null) => Find(ChildPattern(current, segment.Name!)),
                _ => null,
            };
            var shown = ConfigPath.Append(walked, segment);
            if (next is null || next.Kind is ConfigValueKind.Legacy or ConfigValueKind.External)
            {
                error = next switch
                {
                    { Kind: ConfigValueKind.Legacy } => $"'{shown}' has moved to '{next.MovedTo}'.",
                    { Kind: ConfigValueKind.External } => $"'{shown}' belongs to a feature this command does not manage yet; edit the file directly.",
                    _ when segment.Index is not null => $"'{walked}' is not a list.",
                    _ when current.Kind == ConfigValueKind.List => $"'{walked}' is a list: use {walked}[0].{segment.Name}.",
                    _ when current.Kind is not (ConfigValueKind.Section or ConfigValueKind.ModelSelection) => $"'{walked}' has no keys below it.",
                    _ => $"unknown key '{shown}'." + DidYouMean(segment.Name!, current, walked),
                };
                return null;
            }
            current = next;
            walked = shown;
        }
        return current;
    }

    public static string DidYouMean(string name, ConfigKey parent, string parentPath)
    {
        var candidates = Children(parent.Path).Where(k => k.Kind != ConfigValueKind.Legacy && k.Name != "*" && k.Name != "[]").Select(k => k.Name);
        return ConfigSuggestions.Closest(name, candidates) is { } best
            ? $" Did you mean '{(parentPath.Length == 0 ? best : parentPath + "." + best)}'?"
            : "";
    }

    /// <summary>Whether a value at this concrete path is a secret: secret keys, and auth-like header values.</summary>
    public static bool IsSecret(ConfigKey key, string path)
    {
        if (key.Kind == ConfigValueKind.Secret)
        {
            return true;
        }
        if (key.Path != "models.providers.*.headers.*")
        {
            return false;
        }
        var header = path[(path.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return header is "authorization" or "proxy-authorization" or "cookie" || header.EndsWith("-key", StringComparison.Ordinal)
            || header.EndsWith("apikey", StringComparison.Ordinal) || header.Contains("token", StringComparison.Ordinal) || header.Contains("secret", StringComparison.Ordinal);
    }

    public static bool IsValidBind(string value) => value is "loopback" or "lan" || IPAddress.TryParse(value, out _);
}
