namespace MoltBot.Channels.Delivery;

/// <summary>What became of an inbound message. Every value means it is durably recorded: the adapter may acknowledge it upstream.</summary>
internal enum DispatchResult
{
    /// <summary>Stored; the agent turn runs (or re-runs after a restart) until a reply is in the outbox.</summary>
    Accepted,

    /// <summary>Seen before (a redelivery or a replay after resume): ignored.</summary>
    Duplicate,

    /// <summary>Refused by access control; it never reaches the model.</summary>
    Denied,

    /// <summary>An unknown sender: answered with a pairing code, nothing else.</summary>
    PairingChallenged,

    /// <summary>Over the sender's <c>channels.&lt;name&gt;.rateLimit</c>: dropped (the first one of a window is answered with a notice).</summary>
    RateLimited,
}
