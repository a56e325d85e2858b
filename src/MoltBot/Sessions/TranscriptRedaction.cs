using Microsoft.Extensions.AI;
using MoltBot.Security.Redaction;

namespace MoltBot.Sessions;

/// <summary>
/// A copy of a message with every known secret masked in its text, tool-call arguments and tool results, so a
/// transcript never stores one (and so never replays one to the model or shows one in <c>chat.history</c>).
/// </summary>
internal static class TranscriptRedaction
{
    public static ChatMessage Redact(ChatMessage message, ISecretRedactor redactor)
    {
        if (!message.Contents.Any(c => c is TextContent or TextReasoningContent or FunctionCallContent or FunctionResultContent))
        {
            return message;
        }
        var copy = message.Clone();
        copy.Contents = [.. message.Contents.Select(c => Redact(c, redactor))];
        return copy;
    }

    private static AIContent Redact(AIContent content, ISecretRedactor redactor) => content switch
    {
        TextContent text => new TextContent(redactor.Redact(text.Text)) { AdditionalProperties = text.AdditionalProperties },
        TextReasoningContent reasoning => new TextReasoningContent(redactor.Redact(reasoning.Text)) { AdditionalProperties = reasoning.AdditionalProperties },
        FunctionCallContent call => new FunctionCallContent(call.CallId, call.Name,
            call.Arguments?.ToDictionary(a => a.Key, a => a.Value is string s ? redactor.Redact(s) : a.Value)) { AdditionalProperties = call.AdditionalProperties },
        FunctionResultContent result => new FunctionResultContent(result.CallId, result.Result is string s ? redactor.Redact(s) : result.Result) { AdditionalProperties = result.AdditionalProperties },
        _ => content,
    };
}
