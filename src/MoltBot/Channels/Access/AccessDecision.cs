namespace MoltBot.Channels.Access;

/// <summary>What to do with an inbound direct message before it may reach the model.</summary>
internal abstract record AccessDecision
{
    private AccessDecision()
    {
    }

    /// <summary>Pass it to the agent.</summary>
    public sealed record Allowed : AccessDecision;

    /// <summary>Drop it silently (counted); <see cref="Reason"/> is for logs.</summary>
    public sealed record Denied(string Reason) : AccessDecision;

    /// <summary>Answer with the pairing code and nothing else. <see cref="IsNew"/> is false when the sender already holds a valid code.</summary>
    public sealed record PairingChallenge(string Code, bool IsNew, DateTimeOffset ExpiresAt) : AccessDecision;
}
