using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Providers.Anthropic;

/// <summary>Maps Microsoft.Extensions.AI messages and options to a Messages API request.</summary>
internal static class AnthropicRequestMapper
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static AnthropicMessagesRequest ToRequest(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options, int defaultMaxTokens, bool stream)
    {
        var system = new List<string>();
        var turns = new List<AnthropicMessage>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                if (message.Text is { Length: > 0 } text)
                {
                    system.Add(text);
                }
                continue;
            }
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = message.Contents.Select(ToBlock).OfType<AnthropicContentBlock>().ToList();
            if (blocks.Count == 0)
            {
                continue;
            }
            // The API wants alternating turns; tool results travel as a user turn, so merge neighbours with the same role.
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                turns[^1].Content.AddRange(blocks);
            }
            else
            {
                turns.Add(new AnthropicMessage { Role = role, Content = blocks });
            }
        }

        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Insert(0, instructions);
        }
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>()
            .Select(t => new AnthropicTool { Name = t.Name, Description = NullIfEmpty(t.Description), InputSchema = t.JsonSchema })
            .ToList();
        return new AnthropicMessagesRequest
        {
            Model = modelId,
            MaxTokens = options?.MaxOutputTokens ?? defaultMaxTokens,
            System = system.Count == 0 ? null : string.Join("\n\n", system),
            Messages = turns,
            Tools = tools is { Count: > 0 } ? tools : null,
            ToolChoice = tools is { Count: > 0 } ? ToolChoice(options?.ToolMode) : null,
            Stream = stream ? true : null,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            TopK = options?.TopK,
            StopSequences = options?.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
        };
    }

    private static AnthropicContentBlock? ToBlock(AIContent content) => content switch
    {
        TextContent { Text.Length: > 0 } text => new AnthropicContentBlock { Type = "text", Text = text.Text },
        DataContent data when data.HasTopLevelMediaType("image") => new AnthropicContentBlock
        {
            Type = "image",
            Source = new AnthropicImageSource { MediaType = data.MediaType, Data = Convert.ToBase64String(data.Data.Span) },
        },
        FunctionCallContent call => new AnthropicContentBlock { Type = "tool_use", Id = call.CallId, Name = call.Name, Input = Arguments(call.Arguments) },
        FunctionResultContent result => new AnthropicContentBlock
        {
            Type = "tool_result",
            ToolUseId = result.CallId,
            Content = ResultText(result),
            IsError = result.Exception is not null ? true : null,
        },
        _ => null,
    };

    private static AnthropicToolChoice? ToolChoice(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => new AnthropicToolChoice { Type = "none" },
        RequiredChatToolMode { RequiredFunctionName: { } name } => new AnthropicToolChoice { Type = "tool", Name = name },
        RequiredChatToolMode => new AnthropicToolChoice { Type = "any" },
        _ => null,
    };

    private static JsonElement Arguments(IDictionary<string, object?>? arguments) =>
        arguments is null || arguments.Count == 0
            ? EmptyObject
            : JsonSerializer.SerializeToElement(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => result.Exception?.Message ?? "",
        string s => s,
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText(),
        var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions.GetTypeInfo(other.GetType())),
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
