using System.Buffers;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace MoltBot.Providers.OpenAi;

/// <summary>
/// Sits right in front of M.E.AI's <c>OpenAIChatClient</c> (OpenAI and Azure) and hands it the conversation already in the
/// wire format, written once per message rather than on every call: the agent sends a session's whole live history every
/// turn, as the same <see cref="ChatMessage"/> instances (<c>LiveHistoryCache</c>), and converting and serialising it again
/// cost time in proportion to the session's length. Each message is converted by M.E.AI's own public conversion
/// (<see cref="MicrosoftExtensionsAIChatExtensions.AsOpenAIChatMessages"/>) and written by the SDK's own serialiser, so the
/// request is the same as without this.
/// </summary>
/// <remarks>
/// What a call sent is kept per conversation, keyed by its second message (the first after the system prompt, unique to a
/// session), and lives as long as that message does. The next call reuses it for as many leading messages as are the same
/// instances, and writes only the rest: a message is never changed once sent (the history's instances are shared), so the
/// same instance means the same text.
/// </remarks>
internal sealed class SerializedHistoryChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <summary>The SDK's wire format ("W"), as it writes requests.</summary>
    private static readonly ModelReaderWriterOptions WireFormat = new("W");

    private static readonly ConditionalWeakTable<ChatMessage, SentConversation> Sent = [];

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Serialized(messages), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Serialized(messages), options, cancellationToken);

    /// <summary>One message for the inner client, whose SDK form writes all of <paramref name="messages"/> in the wire format.</summary>
    internal static ChatMessage[] Serialized(IEnumerable<ChatMessage> messages)
    {
        ChatMessage[] input = [.. messages];
        var previous = input.Length >= 2 && Sent.TryGetValue(input[1], out var sent) ? sent : null;
        var reused = previous?.SameLeadingMessages(input) ?? 0;
        var items = new ReadOnlyMemory<byte>[input.Length];
        previous?.Items.AsSpan(0, reused).CopyTo(items);
        Write(input.AsSpan(reused), items.AsSpan(reused));
        if (input.Length >= 2)
        {
            Sent.AddOrUpdate(input[1], new SentConversation(input, items));
        }
        return [new ChatMessage(ChatRole.User, (string?)null) { RawRepresentation = new SerializedMessages(items) }];
    }

    /// <summary>Each message's SDK messages as the SDK writes them (comma-separated when there are several).</summary>
    private static void Write(ReadOnlySpan<ChatMessage> messages, Span<ReadOnlyMemory<byte>> items)
    {
        for (var i = 0; i < messages.Length; i++)
        {
            var written = ToSdk(messages[i]).Select(m => ((IPersistableModel<SdkChatMessage>)m).Write(WireFormat).ToMemory()).ToList();
            items[i] = written.Count == 1 ? written[0] : Join(written);
        }
    }

    private static byte[] Join(List<ReadOnlyMemory<byte>> written)
    {
        var joined = new ArrayBufferWriter<byte>();
        for (var i = 0; i < written.Count; i++)
        {
            joined.Write(i == 0 ? [] : ","u8);
            joined.Write(written[i].Span);
        }
        return joined.WrittenSpan.ToArray();
    }

    /// <summary>As the inner client converts a message: an SDK message it carries is sent as it is.</summary>
    private static IEnumerable<SdkChatMessage> ToSdk(ChatMessage message) =>
        message.RawRepresentation is SdkChatMessage raw ? [raw] : new[] { message }.AsOpenAIChatMessages();

    /// <summary>The messages one call sent, and each one's wire form.</summary>
    private sealed class SentConversation(ChatMessage[] messages, ReadOnlyMemory<byte>[] items)
    {
        public ReadOnlyMemory<byte>[] Items => items;

        /// <summary>How many leading messages of <paramref name="input"/> are the very instances this call sent.</summary>
        public int SameLeadingMessages(ChatMessage[] input)
        {
            var count = Math.Min(messages.Length, input.Length);
            var same = 0;
            while (same < count && ReferenceEquals(messages[same], input[same]))
            {
                same++;
            }
            return same;
        }
    }
}
