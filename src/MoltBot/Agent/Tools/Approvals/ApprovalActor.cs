namespace MoltBot.Agent.Tools.Approvals;

/// <summary>Who answers an approval request.</summary>
/// <param name="Channel">The chat channel the answer came from; null for the gateway API and CLI (gateway-token holders, i.e. the owner).</param>
/// <param name="IsOwner">For channel answers: the sender is explicitly allowed (<c>dm.allowFrom</c>) or paired, not just present in a group.</param>
internal sealed record ApprovalActor(string? Channel, string? ChatId, string? SenderId, bool IsOwner)
{
    public static ApprovalActor Api { get; } = new(null, null, null, true);

    public static ApprovalActor Cli { get; } = new(null, null, "cli", true);

    public string Describe() => Channel is null ? SenderId ?? "api" : $"{Channel}:{SenderId}";

    /// <summary>Gateway-token holders may answer anything; a chat user only requests from their own chat, and only as the owner.</summary>
    public bool MayAnswer(PendingApproval approval) =>
        Channel is null || (IsOwner && Channel == approval.Channel && ChatId == approval.ChatId);
}
