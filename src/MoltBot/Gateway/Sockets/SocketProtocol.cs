namespace MoltBot.Gateway.Sockets;

/// <summary>Constants of the WebSocket protocol, advertised to clients in <c>hello-ok</c>.</summary>
internal static class SocketProtocol
{
    /// <summary>The protocol generation OpenClaw's classic clients speak; a client's [min, max] range must include it.</summary>
    public const int Version = 3;

    /// <summary>Before <c>connect</c> succeeds a frame may be at most this big: an unauthenticated peer cannot make us buffer more.</summary>
    public const int PreAuthMaxFrameBytes = 64 * 1024;

    public const int MaxFrameBytes = 4 * 1024 * 1024;

    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(15);

    /// <summary>A peer that has not sent <c>connect</c> by then is closed.</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public static readonly IReadOnlyList<string> Methods = ["connect", "health", "status", "chat.send", "chat.history", "chat.abort"];

    public static readonly IReadOnlyList<string> Events = ["connect.challenge", "chat", "tick", "shutdown"];
}
