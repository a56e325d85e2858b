using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>A harmless built-in tool: the current date and time, optionally in an IANA time zone.</summary>
internal sealed class CurrentTimeTool(TimeProvider timeProvider) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "timezone": { "type": "string", "description": "IANA time zone such as Europe/Paris. Defaults to UTC." }
          }
        }
        """).RootElement.Clone();

    public override string Name => "current_time";

    public override string Description => "Returns the current date and time (ISO 8601) and the day of the week.";

    public override JsonElement JsonSchema => Schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var zone = arguments.TryGetValue("timezone", out var value) ? AsString(value) : null;
        if (!string.IsNullOrWhiteSpace(zone))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz))
            {
                return ValueTask.FromResult<object?>($"Unknown time zone '{zone}'. Use an IANA name such as Europe/Paris.");
            }
            now = TimeZoneInfo.ConvertTime(now, tz);
        }
        return ValueTask.FromResult<object?>(
            $"{now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)} ({now.DayOfWeek}, {(string.IsNullOrWhiteSpace(zone) ? "UTC" : zone)})");
    }

    private static string? AsString(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => value?.ToString(),
    };
}
