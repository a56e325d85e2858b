using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary><c>moltbot config validate</c>.</summary>
internal static class ConfigValidateCommand
{
    public static int Run(IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (TryLoad(environment, error) is not { } loaded)
        {
            return 1;
        }
        output.WriteLine(loaded.FileExists
            ? $"Config OK: {loaded.Paths.ConfigPath}"
            : $"Config OK: no config file at {loaded.Paths.ConfigPath}; using defaults and environment");
        return 0;
    }

    /// <summary>Loads the config, or writes every issue (one per line) and returns null.</summary>
    public static LoadedConfig? TryLoad(IReadOnlyDictionary<string, string?> environment, TextWriter error)
    {
        try
        {
            return ConfigLoader.Load(new ConfigLoadRequest(environment, new Dictionary<string, string>()));
        }
        catch (ConfigException e)
        {
            WriteIssues(e.Issues, MoltBotPaths.Resolve(environment).ConfigPath, error);
            return null;
        }
    }

    /// <summary>One line per issue, compiler style: <c>file:line: key: message Fix: ...</c>.</summary>
    public static void WriteIssues(IReadOnlyList<ConfigIssue> issues, string configPath, TextWriter error)
    {
        error.WriteLine($"Config invalid: {issues.Count} problem{(issues.Count == 1 ? "" : "s")} ({configPath})");
        foreach (var issue in issues)
        {
            var where = issue.Location ?? "environment/flags";
            error.WriteLine(issue.Fix is null ? $"  {where}: {issue.Key}: {issue.Message}" : $"  {where}: {issue.Key}: {issue.Message} Fix: {issue.Fix}");
        }
    }
}
