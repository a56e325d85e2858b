namespace MoltBot.Configuration;

/// <summary>Where an effective value came from: <c>default</c>, <c>file:&lt;path&gt;:&lt;line&gt;</c>, <c>env VAR</c> or <c>flag --port</c>.</summary>
/// <param name="Detail">The variable or flag name; for a default, why it applies (may be null).</param>
internal sealed record ConfigValueSource(ConfigSourceKind Kind, string? Detail, string? File = null, int? Line = null)
{
    public static ConfigValueSource Default { get; } = new(ConfigSourceKind.Default, null);

    public static ConfigValueSource DefaultBecause(string reason) => new(ConfigSourceKind.Default, reason);

    public static ConfigValueSource FromFile(string file, int line) => new(ConfigSourceKind.File, null, file, line);

    public static ConfigValueSource FromEnvironment(string variable) => new(ConfigSourceKind.Environment, variable);

    public static ConfigValueSource FromFlag(string flag) => new(ConfigSourceKind.Flag, flag);

    /// <summary>The <see cref="SecretValue.Source"/> text: <c>env X</c>, or <c>/path/moltbot.json:12 (key.path)</c> for the file.</summary>
    public string DescribeSecret(string path) => Kind == ConfigSourceKind.File ? $"{File}:{Line} ({path})" : ToString();

    public override string ToString() => Kind switch
    {
        ConfigSourceKind.File => $"file:{File}:{Line}",
        ConfigSourceKind.Environment => $"env {Detail}",
        ConfigSourceKind.Flag => $"flag {Detail}",
        _ => Detail is null ? "default" : $"default ({Detail})",
    };
}
