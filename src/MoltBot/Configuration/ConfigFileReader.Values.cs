using System.Globalization;
using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

internal sealed partial class ConfigFileReader
{
    private void ReadScalar(Json5Node node, ConfigKey key, string path)
    {
        switch (key.Kind)
        {
            case ConfigValueKind.Integer when node is Json5Number { Integer: { } n }:
                if (n < key.Min || n > key.Max)
                {
                    Issue(path, node.Line, $"{n} is out of range: expected an integer from {key.Min} to {key.Max}.", $"Set '{path}' to a value from {key.Min} to {key.Max}.");
                    return;
                }
                Add(path, key, n, node);
                break;
            case ConfigValueKind.Number when node is Json5Number number:
                if (number.Value < key.Min || double.IsNaN(number.Value) || double.IsInfinity(number.Value))
                {
                    Issue(path, node.Line, $"{number.Value.ToString(CultureInfo.InvariantCulture)} is out of range: expected a number >= {key.Min}.", $"Set '{path}' to a number >= {key.Min}.");
                    return;
                }
                Add(path, key, number.Value, node);
                break;
            case ConfigValueKind.Secret when node is Json5Object reference:
                ReadSecretReference(reference, key, path);
                break;
            case ConfigValueKind.Boolean when node is Json5Boolean b:
                Add(path, key, b.Value, node);
                break;
            case ConfigValueKind.String or ConfigValueKind.Secret or ConfigValueKind.Enum or ConfigValueKind.BindAddress:
                ReadString(node, key, path, key, path);
                break;
            default:
                WrongType(node, key, path);
                break;
        }
    }

    /// <param name="target">The leaf key written (differs from <paramref name="key"/> for a model given as a plain string).</param>
    private void ReadString(Json5Node node, ConfigKey key, string path, ConfigKey target, string targetPath)
    {
        if (node is not Json5String s)
        {
            WrongType(node, key, path);
            return;
        }
        if (Substitute(s, path) is not { } value)
        {
            return;
        }
        if (target.Kind == ConfigValueKind.Enum && !target.Allowed.Contains(value, StringComparer.Ordinal))
        {
            var close = ConfigSuggestions.Closest(value, target.Allowed);
            Issue(path, node.Line, $"'{value}' is not a valid value. Valid: {string.Join(", ", target.Allowed)}.", close is null ? $"Use one of: {string.Join(", ", target.Allowed)}." : $"Did you mean '{close}'?");
            return;
        }
        if (target.Kind == ConfigValueKind.BindAddress && !ConfigSchema.IsValidBind(value))
        {
            Issue(path, node.Line, $"'{value}' is not a bind address: expected loopback, lan or an IP address.", "Use \"loopback\" (this machine), \"lan\" (all interfaces) or an IP such as \"192.168.1.10\".");
            return;
        }
        Add(targetPath, target, value, node);
    }

    private void ReadStringList(Json5Node node, ConfigKey key, string path)
    {
        if (node is not Json5Array array)
        {
            WrongType(node, key, path);
            return;
        }
        var list = new List<string>();
        for (var i = 0; i < array.Items.Count; i++)
        {
            var itemPath = ConfigPath.Item(path, i);
            if (array.Items[i] is not Json5String s)
            {
                Issue(itemPath, array.Items[i].Line, $"Expected a string, got {Describe(array.Items[i])}.", "Write each item as a quoted string.");
            }
            else if (Substitute(s, itemPath) is { } value)
            {
                list.Add(value);
            }
        }
        Add(path, key, list, node);
    }

    private string? Substitute(Json5String s, string path)
    {
        var value = ConfigSubstitution.Expand(s.Value, environment, out var missing);
        if (value is null)
        {
            Issue(path, s.Line, $"Environment variable '{missing}' is not set (used as ${{{missing}}}).", $"Set {missing} in the environment, or write $${{{missing}}} for a literal '${{{missing}}}'.");
        }
        return value;
    }

    private void Add(string path, ConfigKey key, object value, Json5Node node) =>
        values.Set(path, key, value, ConfigValueSource.FromFile(file, node.Line));

    private void WrongType(Json5Node node, ConfigKey key, string path) =>
        Issue(path, node.Line, $"Expected {Expected(key)}, got {(node is Json5String && LooksSensitive(path) ? "a string (value hidden)" : Describe(node))}.", $"Write '{path}' as {Expected(key)}.");

    /// <summary>Paths where a misplaced string may be a secret, so messages do not echo it.</summary>
    private static bool LooksSensitive(string path) =>
        path.Contains("auth", StringComparison.OrdinalIgnoreCase) || path.Contains("key", StringComparison.OrdinalIgnoreCase)
        || path.Contains("token", StringComparison.OrdinalIgnoreCase) || path.Contains("header", StringComparison.OrdinalIgnoreCase);

    private void UnknownKey(ConfigKey parent, string parentPath, Json5Member member)
    {
        var path = ConfigPath.Child(parentPath, member.Name);
        var suggestion = ConfigSchema.DidYouMean(member.Name, parent, parentPath);
        var valid = ConfigSchema.Children(parent.Path).Where(k => k.Kind != ConfigValueKind.Legacy).Select(k => k.Name);
        Issue(path, member.Line, $"Unknown key '{member.Name}'." + suggestion, suggestion.Length > 0
            ? $"Rename it to '{ConfigPath.Child(parentPath, ConfigSuggestions.Closest(member.Name, valid)!)}'."
            : $"Remove it. Valid keys {(parentPath.Length == 0 ? "at top level" : $"in '{parentPath}'")}: {string.Join(", ", valid)}.");
    }

    private static string LegacyFix(ConfigKey legacy) => legacy.Path switch
    {
        "agent" => "Move its contents into agents: { defaults: { ... } } (e.g. agent.model becomes agents.defaults.model).",
        "identity" => "Move it into an agent entry: agents: { list: [{ id: \"main\", identity: { name: \"...\" } }] }.",
        _ => $"Move it to '{legacy.MovedTo}'.",
    };

    private void Issue(string path, int line, string message, string? fix) =>
        issues.Add(new ConfigIssue(path.Length == 0 ? "(file)" : path, file, line, message, fix));

    public static string Expected(ConfigKey key) => key.Kind switch
    {
        ConfigValueKind.Section or ConfigValueKind.Map => "an object { ... }",
        ConfigValueKind.List => "an array of objects [ { ... } ]",
        ConfigValueKind.Integer => key.Min is null ? "an integer" : key.Max is null ? $"an integer >= {key.Min}" : $"an integer from {key.Min} to {key.Max}",
        ConfigValueKind.Number => key.Min is null ? "a number" : $"a number >= {key.Min}",
        ConfigValueKind.Boolean => "a boolean (true or false)",
        ConfigValueKind.Enum => $"one of {string.Join(", ", key.Allowed)}",
        ConfigValueKind.StringList => "an array of strings [\"...\"]",
        ConfigValueKind.ModelSelection => "a model ref string \"provider/model\" or an object { primary, fallbacks }",
        ConfigValueKind.Secret => "a string (\"${VAR}\" works) or a secret reference { \"source\": \"env\" | \"file\" | \"keyvault\", ... }",
        _ => "a string",
    };

    public static string Describe(Json5Node node) => node switch
    {
        Json5String s => $"string \"{(s.Value.Length > 40 ? s.Value[..40] + "..." : s.Value)}\"",
        Json5Number n => $"{n.TypeName} {n.Value.ToString(CultureInfo.InvariantCulture)}",
        Json5Boolean b => b.Value ? "boolean true" : "boolean false",
        _ => node.TypeName,
    };
}
