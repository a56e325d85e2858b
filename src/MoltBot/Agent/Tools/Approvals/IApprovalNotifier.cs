namespace MoltBot.Agent.Tools.Approvals;

/// <summary>Tells the owner about a new approval request in the chat it came from (implemented by the channel layer).</summary>
internal interface IApprovalNotifier
{
    /// <summary>True when the request was handed to the chat of <see cref="PendingApproval.Channel"/>.</summary>
    bool TryNotify(PendingApproval approval, string text);
}
