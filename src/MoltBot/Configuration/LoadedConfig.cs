using MoltBot.Configuration.Json5;

namespace MoltBot.Configuration;

/// <summary>The effective configuration, plus where every value came from.</summary>
/// <param name="FileExists">Whether the config file was there (no file is fine: defaults and environment).</param>
internal sealed record LoadedConfig(MoltBotConfig Config, MoltBotPaths Paths, bool FileExists)
{
    /// <summary>Every effective leaf (value and source), in schema order; secrets included, so redact before printing (<see cref="ConfigLeaf.IsSecret"/>).</summary>
    public IReadOnlyList<ConfigLeaf> Values { get; init; } = [];

    /// <summary>Provenance by dotted path (<c>gateway.port</c>, <c>agents.list[0].id</c>): <c>default</c>, <c>file:path:line</c>, <c>env VAR</c>, <c>flag --port</c>.</summary>
    public IReadOnlyDictionary<string, ConfigValueSource> Sources { get; init; } = new Dictionary<string, ConfigValueSource>();

    /// <summary>
    /// Top-level sections owned by later features (<c>channels</c>, <c>tools</c>, ...), as parsed with positions; not validated
    /// or <c>${VAR}</c>-substituted yet (use <see cref="ConfigSubstitution"/>), so the owning feature can report file:line.
    /// </summary>
    public IReadOnlyDictionary<string, Json5Node> ExternalSections { get; init; } = new Dictionary<string, Json5Node>();
}
