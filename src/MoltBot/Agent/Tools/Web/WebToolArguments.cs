using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Web;

/// <summary>Reads tool arguments the model sent, whether they arrive as JSON elements or plain values.</summary>
internal static class WebToolArguments
{
    public static string? String(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement e => e.GetRawText(),
            null => null,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        } : null;

    public static int? Integer(AIFunctionArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            double d => (int)d,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetInt32(out var i) ? i : (int)e.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } e => int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            string s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ => null,
        } : null;
}
