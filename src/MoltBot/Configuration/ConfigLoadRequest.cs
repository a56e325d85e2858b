namespace MoltBot.Configuration;

/// <param name="Environment">The process environment (a snapshot, so tests can pass their own).</param>
/// <param name="CliOverrides">Config key path (e.g. <c>gateway.port</c>) to the value given by a CLI flag.</param>
internal sealed record ConfigLoadRequest(
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyDictionary<string, string> CliOverrides)
{
    public static ConfigLoadRequest FromProcess(IReadOnlyDictionary<string, string>? cliOverrides = null) =>
        new(ProcessEnvironment.Snapshot(), cliOverrides ?? new Dictionary<string, string>());
}
