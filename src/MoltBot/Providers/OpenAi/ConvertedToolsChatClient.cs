using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace MoltBot.Providers.OpenAi;

/// <summary>
/// Sits right in front of M.E.AI's <c>OpenAIChatClient</c> (OpenAI and Azure) and hands it the tools already converted
/// to SDK <see cref="ChatTool"/>s. That client converts every tool on every call (it parses each JSON schema into its own
/// model and serialises it again), about 3.4% of the gateway's CPU per message, while the agent passes the same
/// <see cref="AITool"/> instances turn after turn. Each tool is converted once with M.E.AI's own public conversion
/// (<see cref="MicrosoftExtensionsAIChatExtensions.AsOpenAIChatTool"/>) and cached per instance; the call gets a copy of its
/// options with <see cref="ChatOptions.Tools"/> cleared and a <see cref="ChatOptions.RawRepresentationFactory"/> that returns
/// fresh <see cref="ChatCompletionOptions"/> holding those tools, which the inner client starts from.
/// </summary>
/// <remarks>
/// The inner client maps <see cref="ChatOptions.ToolMode"/> (<c>tool_choice</c>) and
/// <see cref="ChatOptions.AllowMultipleToolCalls"/> (<c>parallel_tool_calls</c>) only while it converts tools itself, so
/// they are mapped here by the same rules (M.E.AI 10.11 <c>OpenAIChatClient.ToOpenAIOptions</c>). Calls this cannot
/// reproduce exactly are passed through unchanged: non-function tools (hosted tools) and an options-wide <c>strict</c>
/// flag (the public conversion reads <c>strict</c> from the tool only).
/// </remarks>
internal sealed class ConvertedToolsChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private const string StrictKey = "strict";

    // Keyed by the tool instance: entries go when the tool does (e.g. an MCP server's tools after a reload).
    private static readonly ConditionalWeakTable<AIFunctionDeclaration, ChatTool> Converted = [];

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithConvertedTools(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithConvertedTools(options), cancellationToken);

    /// <summary>The options to hand the inner client: <paramref name="options"/> itself when there is nothing to convert or it must convert them itself.</summary>
    internal static ChatOptions? WithConvertedTools(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || options.AdditionalProperties?.ContainsKey(StrictKey) == true)
        {
            return options;
        }
        var converted = new ChatTool[tools.Count];
        for (var i = 0; i < converted.Length; i++)
        {
            if (tools[i] is not AIFunctionDeclaration function)
            {
                return options;
            }
            converted[i] = Converted.GetValue(function, static f => Compact(f.AsOpenAIChatTool()));
        }

        var raw = options.RawRepresentationFactory;
        var toolChoice = ToolChoice(options.ToolMode);
        var allowParallel = options.AllowMultipleToolCalls;
        var copy = options.Clone();
        copy.Tools = null;
        copy.RawRepresentationFactory = client =>
        {
            // As the inner client does: raw options first (a fresh instance per call, it fills them in), then the tools.
            var result = raw?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            foreach (var tool in converted)
            {
                result.Tools.Add(tool);
            }
            result.AllowParallelToolCalls ??= allowParallel;
            result.ToolChoice ??= toolChoice?.Invoke();
            return result;
        };
        return copy;
    }

    /// <summary>
    /// The tool with its parameters' schema written without indentation: M.E.AI writes it indented, and it goes out with
    /// every request (about a third of a tool's bytes).
    /// </summary>
    private static ChatTool Compact(ChatTool tool) =>
        tool.Kind == ChatToolKind.Function && tool.FunctionParameters is { } parameters
            ? ChatTool.CreateFunctionTool(tool.FunctionName, tool.FunctionDescription,
                BinaryData.FromBytes(ToolSchemaJson.Compact(parameters.ToMemory())), tool.FunctionSchemaIsStrict)
            : tool;

    /// <summary>A factory, not an instance: <see cref="ChatToolChoice"/> is a mutable model, so each request gets its own.</summary>
    private static Func<ChatToolChoice>? ToolChoice(ChatToolMode? mode) => mode switch
    {
        null or AutoChatToolMode => ChatToolChoice.CreateAutoChoice,
        NoneChatToolMode => ChatToolChoice.CreateNoneChoice,
        RequiredChatToolMode { RequiredFunctionName: null } => ChatToolChoice.CreateRequiredChoice,
        RequiredChatToolMode { RequiredFunctionName: { } name } => () => ChatToolChoice.CreateFunctionChoice(name),
        _ => null,
    };
}
