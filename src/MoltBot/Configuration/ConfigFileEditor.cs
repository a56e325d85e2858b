using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>
/// Sets one key in the config file's text and leaves every other byte alone: an existing value's text span is
/// replaced; a new key is inserted into the deepest existing object (parents created as needed) in the file's style.
/// </summary>
internal static partial class ConfigFileEditor
{
    /// <param name="text">The current file (null or blank: start a new one).</param>
    /// <param name="path">Concrete key path, e.g. <c>models.providers.openrouter.apiKey</c> or <c>agents.list[0].id</c>.</param>
    /// <param name="valueText">The new value as JSON5 text.</param>
    /// <param name="file">The file's path, for messages.</param>
    /// <exception cref="ConfigException">The file does not parse, or the path runs through a value that is not an object or list.</exception>
    public static string Set(string? text, string path, string valueText, string? file = null)
    {
        if (!ConfigPath.TryParse(path, out var segments))
        {
            throw Fail(path, file, $"'{path}' is not a key path.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return "{\n" + Unit + Entry(segments, 0, valueText, Unit, quoteKeys: true) + "\n}\n";
        }
        Json5Node root;
        try
        {
            root = Json5Parser.Parse(text);
        }
        catch (Json5SyntaxException e)
        {
            throw new ConfigException([new ConfigIssue("(file)", file, e.Line, $"The file has a JSON5 syntax error ({e.Message}); fix it before using config set.", null) { Column = e.Column }]);
        }
        var style = new Style(DetectUnit(text, root), root is Json5Object { Members: [{ Quoted: false }, ..] } ? false : true);
        var node = root;
        var walked = "";
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (node, segment.Index)
            {
                case (Json5Object obj, null):
                    if (obj.Find(segment.Name!) is not { } member)
                    {
                        return InsertMember(text, obj, segments, i, valueText, style);
                    }
                    node = member.Value;
                    break;
                case (Json5Array array, { } index) when index < array.Items.Count:
                    node = array.Items[index];
                    break;
                case (Json5Array array, { } index) when index == array.Items.Count:
                    return InsertItem(text, array, segments, i, valueText, style);
                case (Json5Array array, { } index):
                    throw Fail(path, file, $"'{walked}' has {array.Items.Count} item(s); use index {array.Items.Count} to add one, not {index}.");
                default:
                    throw Fail(path, file, $"'{(walked.Length == 0 ? "(file)" : walked)}' is {node.TypeName} in the file, so '{path}' cannot be set below it.");
            }
            walked = ConfigPath.Append(walked, segment);
        }
        return string.Concat(text.AsSpan(0, node.Start), valueText, text.AsSpan(node.End));
    }

    private static ConfigException Fail(string path, string? file, string message) => new([new ConfigIssue(path, file, null, message, null)]);
}
