using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools;

/// <summary>
/// Runs one tool call for the agent loop: the policy check (a denied tool is refused even if the model calls it),
/// the call, redaction of the result, and the record kept with the result in the transcript
/// (<see cref="RecordKeys"/>: tool, redacted arguments, outcome, duration, size) plus <c>moltbot.tool.calls</c>.
/// </summary>
internal sealed partial class ToolInvoker(
    ToolRegistry tools, ISecretRedactor redactor, MoltBotMetrics metrics, TimeProvider timeProvider, ILogger<ToolInvoker> logger)
{
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;

    /// <summary>Keys of the call record in <see cref="AIContent.AdditionalProperties"/> of the stored result.</summary>
    public static class RecordKeys
    {
        public const string Tool = "moltbot.tool";
        public const string Arguments = "moltbot.arguments";
        public const string Outcome = "moltbot.outcome";
        public const string DurationMs = "moltbot.durationMs";
        public const string ResultChars = "moltbot.resultChars";
    }

    public async Task<FunctionResultContent> InvokeAsync(FunctionCallContent call, ToolContext context, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (outcome, text) = await RunAsync(call, context, cancellationToken);
        text = redactor.Redact(text);
        var elapsed = timeProvider.GetElapsedTime(started);
        // An unknown name is the model's invention: never a label value, or the metric's series would be unbounded.
        metrics.RecordToolCall(outcome == "unknown" ? "unknown" : call.Name, outcome);
        return new FunctionResultContent(call.CallId, text)
        {
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [RecordKeys.Tool] = call.Name,
                [RecordKeys.Arguments] = RedactedArguments(call),
                [RecordKeys.Outcome] = outcome,
                [RecordKeys.DurationMs] = (long)elapsed.TotalMilliseconds,
                [RecordKeys.ResultChars] = (long)text.Length,
            },
        };
    }

    /// <summary>The message as the transcript keeps it: tool-call arguments with known secrets masked.</summary>
    public ChatMessage ForTranscript(ChatMessage message)
    {
        if (!message.Contents.OfType<FunctionCallContent>().Any(c => RedactedArguments(c) != ArgumentsJson(c)))
        {
            return message;
        }
        var contents = message.Contents.Select(c => c is FunctionCallContent call
            ? new FunctionCallContent(call.CallId, call.Name, ParseArguments(RedactedArguments(call)))
            : c).ToList();
        return new ChatMessage(message.Role, contents)
        {
            AuthorName = message.AuthorName,
            MessageId = message.MessageId,
            CreatedAt = message.CreatedAt,
            AdditionalProperties = message.AdditionalProperties,
        };
    }

    private async Task<(string Outcome, string Text)> RunAsync(FunctionCallContent call, ToolContext context, CancellationToken cancellationToken)
    {
        var tool = tools.Find(call.Name);
        if (tool is null)
        {
            return ("unknown", $"Error: there is no tool named '{call.Name}'.");
        }
        if (!tools.IsAllowed(context.Agent, call.Name))
        {
            return ("denied", $"Error: the tool '{call.Name}' is not allowed for this agent (tools.allow / tools.deny).");
        }
        try
        {
            var arguments = new AIFunctionArguments(call.Arguments);
            context.AttachTo(arguments);
            var result = await tool.InvokeAsync(arguments, cancellationToken);
            return ("ok", result switch
            {
                null => "",
                string s => s,
                JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText(),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
            });
        }
        catch (ToolRefusedException ex)
        {
            return ("refused", "Error: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogToolFailed(logger, call.Name, ex);
            return ("error", $"Error: {call.Name} failed: {ex.Message}");
        }
    }

    private string RedactedArguments(FunctionCallContent call) => redactor.Redact(ArgumentsJson(call));

    private static string ArgumentsJson(FunctionCallContent call) =>
        call.Arguments is null ? "{}" : JsonSerializer.Serialize(call.Arguments, Json.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static Dictionary<string, object?>? ParseArguments(string json)
    {
        try
        {
            return (Dictionary<string, object?>?)JsonSerializer.Deserialize(json, Json.GetTypeInfo(typeof(Dictionary<string, object?>)));
        }
        catch (JsonException)
        {
            return new Dictionary<string, object?> { ["redacted"] = json };
        }
    }

    [LoggerMessage(EventId = 2, EventName = "ToolFailed", Level = LogLevel.Warning, Message = "tool {Tool} failed")]
    private static partial void LogToolFailed(ILogger logger, string tool, Exception exception);
}
