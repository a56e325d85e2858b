using MoltBot.Channels.Discord.JsonModels;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>One thing read from the gateway: a payload, or the close frame (with Discord's close code).</summary>
internal readonly record struct GatewayFrame(JsonGatewayPayload? Payload, int? CloseCode, string? CloseReason)
{
    public bool IsClose => Payload is null;
}
