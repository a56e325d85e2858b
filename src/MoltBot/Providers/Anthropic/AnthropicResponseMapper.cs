using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Providers.Anthropic;

/// <summary>Maps Messages API responses and stream pieces back to Microsoft.Extensions.AI types.</summary>
internal static class AnthropicResponseMapper
{
    public static ChatResponse ToChatResponse(AnthropicMessagesResponse response)
    {
        var contents = new List<AIContent>();
        foreach (var block in response.Content)
        {
            switch (block.Type)
            {
                case "text" when block.Text is not null:
                    contents.Add(new TextContent(block.Text));
                    break;
                case "tool_use":
                    contents.Add(ToolCall(block.Id ?? "", block.Name ?? "", block.Input?.GetRawText()));
                    break;
            }
        }
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents) { MessageId = response.Id })
        {
            ResponseId = response.Id,
            ModelId = response.Model,
            FinishReason = FinishReason(response.StopReason),
            Usage = Usage(response.Usage, null),
            RawRepresentation = response,
        };
    }

    public static FunctionCallContent ToolCall(string callId, string name, string? argumentsJson) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson, callId, name,
            static json => JsonSerializer.Deserialize(json, AnthropicJsonContext.Default.DictionaryStringObject));

    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    /// <param name="outputOverride">The final output count from <c>message_delta</c> when streaming.</param>
    public static UsageDetails? Usage(AnthropicUsage? usage, int? outputOverride)
    {
        if (usage is null && outputOverride is null)
        {
            return null;
        }
        var input = (usage?.InputTokens ?? 0) + (usage?.CacheCreationInputTokens ?? 0) + (usage?.CacheReadInputTokens ?? 0);
        var output = outputOverride ?? usage?.OutputTokens ?? 0;
        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            TotalTokenCount = input + output,
            CachedInputTokenCount = usage?.CacheReadInputTokens,
        };
    }
}
