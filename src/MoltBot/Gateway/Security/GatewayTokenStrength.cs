namespace MoltBot.Gateway.Security;

/// <summary>Whether a gateway token is too easy to guess to expose beyond loopback (also for <c>moltbot security audit</c>).</summary>
internal static class GatewayTokenStrength
{
    public const int MinimumLength = 24;

    // Placeholders people paste from examples. Short ones fail the length rule anyway; they are listed for the clearer message.
    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "changeme", "change-me", "change_me", "password", "secret", "token", "admin", "default", "test", "letmein",
        "moltbot", "openclaw", "clawdbot", "your-token", "your-token-here", "your-gateway-token", "your-gateway-token-here",
        "replace-me", "replace-with-a-long-random-token", "my-secret-token", "gateway-token",
    };

    /// <summary>Why <paramref name="token"/> is weak, as the end of a sentence ("is …"); null when it is fine.</summary>
    public static string? Weakness(string? token)
    {
        var value = token?.Trim() ?? "";
        if (value.Length == 0)
        {
            return "is empty";
        }
        if (WellKnown.Contains(value))
        {
            return "is a well-known default";
        }
        if (value.Length < MinimumLength)
        {
            return $"is only {value.Length} characters long (at least {MinimumLength} are needed)";
        }
        if (value.Distinct().Count() < 8)
        {
            return "repeats too few different characters to be hard to guess";
        }
        return null;
    }
}
