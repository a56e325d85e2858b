namespace MoltBot.Security;

/// <summary>
/// Whether a gateway token is guessable: too short, made of few distinct characters, or a well-known default.
/// One rule for both the start-up refusal of an exposed gateway and <c>moltbot security audit</c>, so they never disagree.
/// </summary>
internal static class TokenStrength
{
    public const int MinimumLength = 24;

    /// <summary>Below this estimate (Shannon entropy of the characters × length) a token is low-entropy; a random 24-char base64 token scores about 100.</summary>
    private const double MinimumBits = 72;

    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "changeme", "change-me", "password", "secret", "token", "admin", "default", "test", "moltbot", "openclaw", "clawdbot",
        "letmein", "123456", "12345678", "1234567890", "qwerty", "gateway", "gateway-token", "your-token-here", "your-token",
        "moltbot-token", "openclaw-token", "mysecrettoken", "supersecret", "example", "change_me", "your-gateway-token",
        "your-gateway-token-here", "replace-me", "replace-with-a-long-random-token", "my-secret-token",
    };

    /// <returns>Why the token is weak, as the end of a sentence ("it is …"), or null when it looks strong.</returns>
    public static string? Weakness(string? token)
    {
        var trimmed = token?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "it is empty";
        }
        if (WellKnown.Contains(trimmed) || WellKnown.Contains(trimmed.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!')))
        {
            return "it is a well-known default";
        }
        if (trimmed.Length < MinimumLength)
        {
            return $"it has only {trimmed.Length} characters ({MinimumLength} or more needed)";
        }
        if (EstimatedBits(trimmed) < MinimumBits || IsRun(trimmed))
        {
            return "it has low entropy (few distinct or repeated characters)";
        }
        return null;
    }

    /// <summary>Mostly steps of -1, 0 or +1 between neighbours (<c>abcdef...</c>, <c>aaaa...</c>, <c>98765...</c>).</summary>
    private static bool IsRun(string text)
    {
        var steps = 0;
        for (var i = 1; i < text.Length; i++)
        {
            steps += Math.Abs(text[i] - text[i - 1]) <= 1 ? 1 : 0;
        }
        return steps * 2 >= text.Length - 1;
    }

    public static double EstimatedBits(string text)
    {
        var counts = text.GroupBy(c => c).Select(g => (double)g.Count());
        var perChar = -counts.Sum(n => n / text.Length * Math.Log2(n / text.Length));
        return perChar * text.Length;
    }
}
