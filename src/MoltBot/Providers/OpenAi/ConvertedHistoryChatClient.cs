using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace MoltBot.Providers.OpenAi;

/// <summary>
/// Sits right in front of M.E.AI's <c>OpenAIChatClient</c> (OpenAI and Azure) and converts each conversation message to its
/// SDK message once, not on every call: the agent sends a session's whole live history every turn, as the same
/// <see cref="ChatMessage"/> instances (<c>LiveHistoryCache</c>). The conversion is M.E.AI's own public one
/// (<see cref="MicrosoftExtensionsAIChatExtensions.AsOpenAIChatMessages"/>), and the inner client sends a message whose
/// <see cref="ChatMessage.RawRepresentation"/> is an SDK message as it is, so the request is the same as without this.
/// </summary>
/// <remarks>
/// The cached conversion hangs off a copy of the message (the history's instances are shared and never changed) and lives
/// as long as the message does. A message that converts to more than one SDK message (several tool results) is passed
/// through and converted by the inner client as before.
/// </remarks>
internal sealed class ConvertedHistoryChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private static readonly ConditionalWeakTable<ChatMessage, ChatMessage> Converted = [];

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(WithConvertedMessages(messages), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(WithConvertedMessages(messages), options, cancellationToken);

    internal static List<ChatMessage> WithConvertedMessages(IEnumerable<ChatMessage> messages)
    {
        var result = messages.TryGetNonEnumeratedCount(out var count) ? new List<ChatMessage>(count) : [];
        foreach (var message in messages)
        {
            result.Add(message.RawRepresentation is OpenAI.Chat.ChatMessage ? message : Converted.GetValue(message, Convert));
        }
        return result;
    }

    private static ChatMessage Convert(ChatMessage message)
    {
        using var converted = new[] { message }.AsOpenAIChatMessages().GetEnumerator();
        if (!converted.MoveNext())
        {
            return message;
        }
        var single = converted.Current;
        if (converted.MoveNext())
        {
            return message;
        }
        var copy = message.Clone();
        copy.RawRepresentation = single;
        return copy;
    }
}
