namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// The only environment a command gets: a short allowlist, never inherited wholesale, so provider keys, bot tokens
/// and the gateway token (all of which may sit in the gateway's own environment) never reach a command.
/// </summary>
internal static class ScrubbedEnvironment
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static IReadOnlyDictionary<string, string> For(string workspace)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Inherited("PATH", 4096) ?? DefaultPath,
            ["HOME"] = workspace,
            ["PWD"] = workspace,
            ["LANG"] = Inherited("LANG", 64) ?? "C.UTF-8",
            ["TERM"] = "dumb",
        };
        if (Inherited("TZ", 64) is { } tz)
        {
            environment["TZ"] = tz;
        }
        return environment;
    }

    private static string? Inherited(string name, int maxLength) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value && value.Length <= maxLength && !value.Contains('\n', StringComparison.Ordinal) ? value : null;
}
