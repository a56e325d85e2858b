using System.Text.RegularExpressions;

namespace MoltBot.Agent.Skills;

/// <summary>
/// Reads a <c>SKILL.md</c>: front matter between <c>---</c> lines (<c>name</c>, <c>description</c>, optional
/// <c>metadata</c>), then the markdown body. The requirements are read from <c>metadata.openclaw</c> (also
/// <c>clawdbot</c>/<c>moltbot</c>, OpenClaw's older names), or from <c>metadata</c> itself; <c>metadata</c> may
/// also be a JSON string, as OpenClaw writes it.
/// </summary>
internal static partial class SkillDocument
{
    public const string FileName = "SKILL.md";

    private static readonly string[] MetadataNamespaces = ["openclaw", "clawdbot", "moltbot"];

    /// <exception cref="SkillFormatException">The file is not a usable skill; the message says why and where.</exception>
    public static SkillDefinition Parse(string filePath, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = lines.Length > 0 ? lines[0].TrimStart('\uFEFF').TrimEnd() : "";
        if (start != "---")
        {
            throw new SkillFormatException(1, "SKILL.md must start with front matter: a line '---', then `name:` and `description:`, then '---'");
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            throw new SkillFormatException(1, "the front matter is not closed: add a line '---' after it");
        }
        var fields = FrontMatterYaml.Parse(lines[1..end], firstLineNumber: 2);
        var folderName = Path.GetFileName(Path.GetDirectoryName(filePath)) ?? "";

        var name = Text(fields, "name", LineOf(lines, "name", end)) ?? folderName;
        if (!ValidName().IsMatch(name))
        {
            throw new SkillFormatException(Math.Max(1, LineOf(lines, "name", end)),
                $"name '{name}' is not usable: use letters, digits, '-', '_' or '.' (at most 64), e.g. summarize-web");
        }
        var description = Text(fields, "description", LineOf(lines, "description", end));
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new SkillFormatException(Math.Max(1, LineOf(lines, "description", end)),
                "description is missing: it is how the agent knows when to use the skill");
        }
        var requirements = Requirements(fields.GetValueOrDefault("metadata"), LineOf(lines, "metadata", end));
        return new SkillDefinition(name, string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), filePath, requirements);
    }

    private static SkillRequirements Requirements(object? metadata, int line)
    {
        if (metadata is string json && json.TrimStart().StartsWith('{'))
        {
            metadata = FrontMatterFlow.Parse(json, line);
        }
        if (metadata is null || (metadata is string s && s.Length == 0))
        {
            return SkillRequirements.None;
        }
        if (metadata is not Dictionary<string, object?> map)
        {
            throw new SkillFormatException(line, "metadata must be a map, e.g. metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"curl\"]}}}");
        }
        var holder = MetadataNamespaces.Select(n => map.GetValueOrDefault(n)).OfType<Dictionary<string, object?>>().FirstOrDefault() ?? map;
        var requires = holder.GetValueOrDefault("requires") switch
        {
            null => new Dictionary<string, object?>(),
            Dictionary<string, object?> r => r,
            _ => throw new SkillFormatException(line, "metadata requires must be a map: {bins: [...], env: [...]}"),
        };
        return new SkillRequirements(
            Bins: Strings(requires.GetValueOrDefault("bins"), "bins", line),
            AnyBins: Strings(requires.GetValueOrDefault("anyBins"), "anyBins", line),
            Env: Strings(requires.GetValueOrDefault("env"), "env", line),
            Os: Strings(holder.GetValueOrDefault("os") ?? requires.GetValueOrDefault("os"), "os", line),
            Always: holder.GetValueOrDefault("always") is string always && string.Equals(always, "true", StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<string> Strings(object? value, string field, int line) => value switch
    {
        null => [],
        string one when one.Length > 0 => [one],
        string => [],
        List<object?> list when list.All(i => i is string) => [.. list.Cast<string>().Where(i => i.Length > 0)],
        _ => throw new SkillFormatException(line, $"requires.{field} must be a list of names, e.g. {field}: [\"curl\"]"),
    };

    private static string? Text(Dictionary<string, object?> fields, string key, int line) => fields.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s.Trim(),
        _ => throw new SkillFormatException(line > 0 ? line : 1, $"{key} must be text"),
    };

    /// <summary>The file line of a top-level key in the front matter, or 0.</summary>
    private static int LineOf(string[] lines, string key, int end)
    {
        for (var i = 1; i < end; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return 0;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ValidName();
}
