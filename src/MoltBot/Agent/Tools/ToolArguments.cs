using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>Reads model-supplied arguments, which arrive as <see cref="JsonElement"/>s or plain values.</summary>
internal static class ToolArguments
{
    public static string? String(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement e => e.GetRawText(),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        } : null;

    public static string RequiredString(AIFunctionArguments arguments, string name) =>
        String(arguments, name) is { Length: > 0 } value ? value : throw new ToolRefusedException($"The argument '{name}' is required.");

    public static long? Integer(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
            JsonElement { ValueKind: JsonValueKind.Number } e => (long)e.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } e when long.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var l) => l,
            int i => i,
            long l => l,
            double d => (long)d,
            string s when long.TryParse(s, CultureInfo.InvariantCulture, out var l) => l,
            _ => null,
        } : null;

    public static bool Boolean(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value switch
        {
            bool b => b,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.String } e => string.Equals(e.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            string s => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    /// <summary>The caller's context; file and exec tools refuse to run without a workspace.</summary>
    public static ToolContext Context(AIFunctionArguments arguments) =>
        ToolContext.From(arguments) ?? throw new ToolRefusedException("This tool needs an agent context (it runs only inside an agent turn).");

    /// <summary>A tool's JSON schema, kept without the source's indentation (<see cref="ToolSchemaJson"/>).</summary>
    public static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(ToolSchemaJson.Compact(System.Text.Encoding.UTF8.GetBytes(json)));
        return document.RootElement.Clone();
    }
}
