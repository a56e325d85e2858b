using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI.Chat;

namespace MoltBot.Providers.OpenAi;

/// <summary>
/// A run of conversation messages already in the wire format: the SDK writes each one as it is into the request's
/// <c>messages</c> array, where it would otherwise serialise every message again on every call.
/// </summary>
/// <remarks>
/// The SDK writes each item of that array through <see cref="IJsonModel{T}"/> of its <see cref="ChatMessage"/>, which this
/// re-implements. It derives from <see cref="UserChatMessage"/> only because <see cref="ChatMessage"/> has no public
/// constructor; nothing reads it as a user message, and each item holds one whole message (or several, comma-separated).
/// </remarks>
// CS8644: the SDK is not annotated for nullability, so re-implementing its interface reports a mismatch for the members
// left to the base class (they map to its own implementations, as intended).
#pragma warning disable CS8644
internal sealed class SerializedMessages(IReadOnlyList<ReadOnlyMemory<byte>> items) : UserChatMessage(""), IJsonModel<ChatMessage>
#pragma warning restore CS8644
{
    public IReadOnlyList<ReadOnlyMemory<byte>> Items => items;

    void IJsonModel<ChatMessage>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options)
    {
        foreach (var item in items)
        {
            // Each item was written by the SDK itself, so it is not parsed again; the writer adds the commas between them.
            if (!item.IsEmpty)
            {
                writer.WriteRawValue(item.Span, skipInputValidation: true);
            }
        }
    }
}
