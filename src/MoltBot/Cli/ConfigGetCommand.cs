using MoltBot.Configuration;
using MoltBot.Configuration.Schema;

namespace MoltBot.Cli;

/// <summary><c>moltbot config get &lt;key&gt;</c>: the effective value; a section prints as JSON. Exit 1 for unknown or unset keys.</summary>
internal static class ConfigGetCommand
{
    public static int Run(string key, bool showSecrets, IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (ConfigSchema.Resolve(key, out var problem) is null)
        {
            error.WriteLine($"config get: {problem}");
            return 1;
        }
        if (ConfigValidateCommand.TryLoad(environment, error) is not { } loaded)
        {
            return 1;
        }
        if (loaded.Values.FirstOrDefault(l => l.Path == key) is { } leaf)
        {
            output.WriteLine(leaf.Value is string s && !(leaf.IsSecret && !showSecrets) ? s : ConfigJson.Value(leaf, showSecrets));
            return 0;
        }
        var below = loaded.Values.Where(l => l.Path.StartsWith(key + ".", StringComparison.Ordinal) || l.Path.StartsWith(key + "[", StringComparison.Ordinal)).ToList();
        if (below.Count > 0)
        {
            output.WriteLine(ConfigJson.Tree(below, key, showSecrets));
            return 0;
        }
        error.WriteLine($"config get: '{key}' is not set.");
        return 1;
    }
}
