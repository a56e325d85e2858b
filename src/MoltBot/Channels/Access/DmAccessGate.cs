using System.Diagnostics.Metrics;
using MoltBot.Channels.Pairing;

namespace MoltBot.Channels.Access;

/// <summary>
/// The same access control in front of every channel: decides, per direct message, whether the agent may see it.
/// A denied message never reaches the model, and is counted for the rate and abuse alerts.
/// </summary>
internal sealed class DmAccessGate(PairingStore pairing, IMeterFactory? meterFactory = null)
{
    private readonly Counter<long> _denied = (meterFactory?.Create("MoltBot.Channels") ?? SharedMeter)
        .CreateCounter<long>("moltbot.channel.messages.denied", description: "Inbound messages refused by access control.");

    private static readonly Meter SharedMeter = new("MoltBot.Channels");

    public AccessDecision Evaluate(string channel, string senderId, DmAccessOptions options)
    {
        var decision = Decide(channel, senderId, options);
        if (decision is not AccessDecision.Allowed)
        {
            _denied.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("policy", options.Policy));
        }
        return decision;
    }

    /// <summary>The text a stranger receives: the code and how the owner approves it, nothing from the model.</summary>
    public static string PairingMessage(string channel, AccessDecision.PairingChallenge challenge) =>
        $"Hi! This assistant is private. To get access, ask its owner to run:\n\nmoltbot pairing approve {channel} {challenge.Code}\n\nThe code expires in 1 hour.";

    private AccessDecision Decide(string channel, string senderId, DmAccessOptions options)
    {
        var listed = options.AllowFrom.Contains(senderId, StringComparer.Ordinal);
        switch (options.Policy)
        {
            case DmPolicy.Disabled:
                return new AccessDecision.Denied("direct messages are disabled");
            case DmPolicy.Open when options.AllowFrom.Contains("*", StringComparer.Ordinal):
                return new AccessDecision.Allowed();
            case DmPolicy.Open:
            case DmPolicy.Allowlist:
                return listed ? new AccessDecision.Allowed() : new AccessDecision.Denied("sender is not in dm.allowFrom");
            default:
                if (listed || pairing.IsApproved(channel, senderId))
                {
                    return new AccessDecision.Allowed();
                }
                return pairing.Request(channel, senderId) is { } request
                    ? new AccessDecision.PairingChallenge(request.Request.Code, request.IsNew, request.Request.ExpiresAt)
                    : new AccessDecision.Denied($"{PairingStore.MaxPendingPerChannel} pairing requests are already pending");
        }
    }
}
