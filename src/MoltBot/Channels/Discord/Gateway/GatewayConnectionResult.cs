namespace MoltBot.Channels.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
/// <param name="WasReady">READY or RESUMED arrived: the connection worked, so backoff starts over.</param>
/// <param name="Delay">A delay Discord's docs ask for (none after op 7; 1–5 s after INVALID_SESSION); null means backoff.</param>
internal sealed record GatewayConnectionResult(GatewayNextStep Next, string Reason, bool WasReady, TimeSpan? Delay = null, int? CloseCode = null);
