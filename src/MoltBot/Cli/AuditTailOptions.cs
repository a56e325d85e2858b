namespace MoltBot.Cli;

/// <summary>The flags of <c>moltbot audit tail</c>.</summary>
internal sealed record AuditTailOptions(int Lines = 50, bool Follow = false, string? Type = null, string? Since = null, bool Json = false)
{
    /// <summary>How often <c>--follow</c> looks for new rows.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
}
