using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MoltBot.Gateway.Sockets;

/// <summary>A successful method result, written straight into the response frame (no intermediate DOM).</summary>
internal abstract class SocketResult
{
    public abstract void Write(Utf8JsonWriter writer, string id);

    public static SocketResult Of<T>(T payload, JsonTypeInfo<T> typeInfo) => new Typed<T>(payload, typeInfo);

    private sealed class Typed<T>(T payload, JsonTypeInfo<T> typeInfo) : SocketResult
    {
        public override void Write(Utf8JsonWriter writer, string id) => SocketConnection.WriteResponseHead(writer, id, ok: true, payload, typeInfo);
    }
}

/// <summary>The outcome of <c>connect</c>: the hello for the client, or why it was refused.</summary>
internal sealed record ConnectOutcome(HelloOk? Payload, FrameError? Error);
