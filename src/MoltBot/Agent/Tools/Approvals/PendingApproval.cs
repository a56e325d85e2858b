namespace MoltBot.Agent.Tools.Approvals;

/// <summary>An <c>exec</c> command waiting for the owner's <c>/approve</c> or <c>/deny</c>.</summary>
internal sealed record PendingApproval(
    string Id, string Command, string AgentId, string SessionKey, string? Channel, string? ChatId, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The message the owner sees in the chat the turn came from.</summary>
    public string Prompt(TimeSpan expiresIn) =>
        $"""
        Approval needed: agent '{AgentId}' wants to run

        {Command}

        Reply /approve {Id} to run it or /deny {Id} to refuse (expires in {Math.Ceiling(expiresIn.TotalMinutes):0} min; unanswered means denied).
        """;
}

internal enum ApprovalVerdict
{
    Approved,
    Denied,
    Expired,
}

/// <param name="By">Who decided (<see cref="ApprovalActor.Describe"/>), or null when it expired.</param>
internal sealed record ApprovalDecision(ApprovalVerdict Verdict, string? By);
