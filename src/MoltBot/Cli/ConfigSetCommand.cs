using MoltBot.Configuration;
using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;
using MoltBot.Security.Audit;
using MoltBot.Storage;

namespace MoltBot.Cli;

/// <summary>
/// <c>moltbot config set &lt;key&gt; &lt;value&gt;</c>: edits only that value's text in the file, re-validates the whole
/// result and writes it atomically; an invalid result is refused and the file is left untouched.
/// </summary>
internal static class ConfigSetCommand
{
    public static int Run(string key, string value, IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (ConfigSchema.Resolve(key, out var problem) is not { } schemaKey)
        {
            error.WriteLine($"config set: {problem}");
            return 1;
        }
        var paths = MoltBotPaths.Resolve(environment);
        try
        {
            var before = File.Exists(paths.ConfigPath) ? File.ReadAllText(paths.ConfigPath) : null;
            var after = ConfigFileEditor.Set(before, key, ValueText(schemaKey, value), paths.ConfigPath);
            var remaining = Check(environment, paths, after);
            StateFiles.WritePrivate(paths.ConfigPath, after);
            if (remaining.Count > 0)
            {
                error.WriteLine("config set: the file is valid, but the environment still has problems:");
                ConfigValidateCommand.WriteIssues(remaining, paths.ConfigPath, error);
            }
        }
        catch (ConfigException e)
        {
            error.WriteLine($"config set: refused; {paths.ConfigPath} is unchanged (line numbers below are for the file as it would be).");
            ConfigValidateCommand.WriteIssues(e.Issues, paths.ConfigPath, error);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"config set: cannot write {paths.ConfigPath}: {e.Message}");
            return 1;
        }
        var secret = schemaKey.Kind == ConfigValueKind.Secret || ConfigSchema.IsSecret(schemaKey, key);
        var shown = secret ? ConfigJson.Redacted : value;
        output.WriteLine($"Set {key} = {shown} in {paths.ConfigPath}");
        CliAuditLog.Open(paths, environment, TimeProvider.System, error).Record(new AuditEvent(AuditEventTypes.ConfigChanged, CliAuditLog.Actor,
            Detail: secret ? $"{key} (secret; value not recorded)" : $"{key} = {(value.Length <= 200 ? value : value[..200] + "...")}"));
        return 0;
    }

    /// <summary>Validates the edited text; throws for problems in the file, returns the ones that come only from the environment.</summary>
    private static IReadOnlyList<ConfigIssue> Check(IReadOnlyDictionary<string, string?> environment, MoltBotPaths paths, string text)
    {
        try
        {
            ConfigLoader.Load(new ConfigLoadRequest(environment, new Dictionary<string, string>()), paths, text);
            return [];
        }
        catch (ConfigException e) when (e.Issues.All(i => i.File is null))
        {
            return e.Issues;
        }
    }

    /// <summary>The JSON5 text to write: the value as typed when it parses and fits the key's type, else a quoted string.</summary>
    public static string ValueText(ConfigKey key, string value)
    {
        Json5Node? node;
        try
        {
            node = Json5Parser.Parse(value);
        }
        catch (Json5SyntaxException)
        {
            node = null;
        }
        var wantsString = key.Kind is ConfigValueKind.String or ConfigValueKind.Secret or ConfigValueKind.Enum or ConfigValueKind.BindAddress
            || (key.Kind == ConfigValueKind.ModelSelection && node is not Json5Object);
        return node is null || (wantsString && node is not Json5String) ? ConfigJson.Quote(value) : value.Trim();
    }
}
