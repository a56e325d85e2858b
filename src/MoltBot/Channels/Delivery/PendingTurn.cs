namespace MoltBot.Channels.Delivery;

/// <summary>An accepted inbound message whose reply is not stored yet (the gateway stopped mid-turn).</summary>
internal sealed record PendingTurn(InboundMessage Message, string SessionKey);
