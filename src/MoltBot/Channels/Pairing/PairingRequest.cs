namespace MoltBot.Channels.Pairing;

/// <summary>A pending pairing: who asked, on which channel, the code they were given, and when it expires.</summary>
internal sealed record PairingRequest(string Channel, string SenderId, string Code, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
