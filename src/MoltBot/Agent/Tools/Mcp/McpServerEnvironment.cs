namespace MoltBot.Agent.Tools.Mcp;

/// <summary>
/// The environment of a stdio server's process: a short allowlist of the gateway's own variables (so tools such as
/// <c>npx</c> find their home, caches, certificates and proxy) plus the server's configured <c>env</c>. Provider keys,
/// bot tokens and the gateway token are never inherited, as with <c>exec</c>.
/// </summary>
internal static class McpServerEnvironment
{
    private static readonly string[] Inherited =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TEMP", "TMP",
        "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "SystemRoot", "ComSpec", "PATHEXT", "WINDIR", "APPDATA", "LOCALAPPDATA", "USERPROFILE", "ProgramFiles",
    ];

    public static Dictionary<string, string?> For(IReadOnlyDictionary<string, Configuration.SecretValue> configured)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }
        environment["PATH"] ??= Exec.ScrubbedEnvironment.DefaultPath;
        foreach (var (name, value) in configured)
        {
            environment[name] = value.Value;
        }
        return environment;
    }

    /// <summary>The full path of <paramref name="command"/> (as given when it contains a slash), or null when it is not found.</summary>
    public static string? Resolve(string command, string? path)
    {
        if (command.Contains('/', StringComparison.Ordinal) || command.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(command) ? command : null;
        }
        var extensions = OperatingSystem.IsWindows() ? new[] { "", ".exe", ".cmd", ".bat" } : [""];
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(dir, command + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
