using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>
/// Checks the parsed file against <see cref="ConfigSchema"/> and turns its values into leaves.
/// Collects every problem (unknown keys, wrong types, bad values, legacy shapes, missing variables) instead of stopping at the first.
/// </summary>
internal sealed partial class ConfigFileReader(string file, IReadOnlyDictionary<string, string?> environment, ConfigValues values, List<ConfigIssue> issues)
{
    /// <summary>The top-level sections owned by later features, as parsed (not validated or substituted here).</summary>
    public Dictionary<string, Json5Node> ExternalSections { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/> and reads it; a syntax error becomes one issue with line and column.</summary>
    /// <returns>The parsed root, or null when the text is not valid JSON5.</returns>
    public Json5Node? Read(string text)
    {
        Json5Node root;
        try
        {
            root = Json5Parser.Parse(text);
        }
        catch (Json5SyntaxException e)
        {
            issues.Add(new ConfigIssue("(file)", file, e.Line, $"JSON5 syntax error: {e.Message}.", "Fix the syntax at that line and column.") { Column = e.Column });
            return null;
        }
        if (root is not Json5Object)
        {
            issues.Add(new ConfigIssue("(file)", file, root.Line, $"The config file must be one object {{ ... }}, got {Describe(root)}.", "Wrap the settings in { }."));
            return root;
        }
        Visit(root, ConfigSchema.Find("")!, "");
        return root;
    }

    private void Visit(Json5Node node, ConfigKey key, string path)
    {
        switch (key.Kind)
        {
            case ConfigValueKind.Section:
                VisitSection(node, key, path);
                break;
            case ConfigValueKind.Map:
                VisitMap(node, key, path);
                break;
            case ConfigValueKind.List:
                VisitList(node, key, path);
                break;
            case ConfigValueKind.ModelSelection when node is Json5Object:
                VisitSection(node, key, path);
                break;
            case ConfigValueKind.ModelSelection:
                ReadString(node, key, path, ConfigSchema.Find(key.Path + ".primary")!, path + ".primary");
                break;
            case ConfigValueKind.StringList:
                ReadStringList(node, key, path);
                break;
            case ConfigValueKind.External:
                ExternalSections[path] = node;
                break;
            case ConfigValueKind.Legacy:
                break;
            default:
                ReadScalar(node, key, path);
                break;
        }
    }

    private void VisitSection(Json5Node node, ConfigKey key, string path)
    {
        if (node is not Json5Object obj)
        {
            WrongType(node, key, path);
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in obj.Members)
        {
            var childPath = ConfigPath.Child(path, member.Name);
            if (!seen.Add(member.Name))
            {
                Issue(childPath, member.Line, $"Duplicate key '{member.Name}'.", "Keep one of them; JSON5 would silently use the last.");
                continue;
            }
            var child = ConfigSchema.Find(ConfigSchema.ChildPattern(key, member.Name));
            if (child is null)
            {
                UnknownKey(key, path, member);
            }
            else if (child.Kind == ConfigValueKind.Legacy)
            {
                Issue(childPath, member.Line, $"'{member.Name}' is an old OpenClaw key: it moved to '{child.MovedTo}'.", LegacyFix(child));
            }
            else
            {
                Visit(member.Value, child, childPath);
            }
        }
        foreach (var required in ConfigSchema.Children(key.Path).Where(k => k.Required && !seen.Contains(k.Name)))
        {
            Issue(ConfigPath.Child(path, required.Name), obj.Line, $"Missing required key '{required.Name}' in '{path}'.", $"Add {required.Name}: \"...\" ({required.Description})");
        }
    }

    private void VisitMap(Json5Node node, ConfigKey key, string path)
    {
        if (node is not Json5Object obj)
        {
            WrongType(node, key, path);
            return;
        }
        var item = ConfigSchema.Find(key.Path + ".*")!;
        foreach (var member in obj.Members)
        {
            var childPath = ConfigPath.Child(path, member.Name);
            if (member.Name.Length == 0 || member.Name.AsSpan().IndexOfAny(".[]* ") >= 0)
            {
                Issue(childPath, member.Line, $"'{member.Name}' is not a usable name here: names may not be empty or contain '.', '[', ']', '*' or spaces.", "Rename it, e.g. my-provider.");
                continue;
            }
            if (obj.Members.Count(m => m.Name == member.Name) > 1 && !ReferenceEquals(obj.Find(member.Name), member))
            {
                Issue(childPath, member.Line, $"Duplicate key '{member.Name}'.", "Keep one of them; JSON5 would silently use the last.");
                continue;
            }
            Visit(member.Value, item, childPath);
        }
    }

    private void VisitList(Json5Node node, ConfigKey key, string path)
    {
        if (node is not Json5Array array)
        {
            WrongType(node, key, path);
            return;
        }
        var item = ConfigSchema.Find(key.Path + "[]")!;
        for (var i = 0; i < array.Items.Count; i++)
        {
            Visit(array.Items[i], item, ConfigPath.Item(path, i));
        }
    }
}
