namespace MoltBot.Sessions;

/// <summary>
/// Session keys as OpenClaw users know them: <c>agent:&lt;id&gt;:main</c> and
/// <c>agent:&lt;id&gt;:&lt;channel&gt;:direct:&lt;peer&gt;</c>.
/// </summary>
internal static class SessionKey
{
    public static string MainSession(string agentId) => $"agent:{agentId}:main";

    public static string Direct(string agentId, string channel, string peer) => $"agent:{agentId}:{channel}:direct:{peer}";

    /// <summary>The agent id of a well-formed key (<c>agent:&lt;id&gt;:...</c>), else null.</summary>
    public static string? AgentIdOf(string key)
    {
        if (!key.StartsWith("agent:", StringComparison.Ordinal))
        {
            return null;
        }
        var end = key.IndexOf(':', 6);
        return end > 6 ? key[6..end] : null;
    }
}
