namespace MoltBot.Agent.Tools.Approvals;

/// <summary>
/// <c>/approve &lt;id&gt;</c> and <c>/deny &lt;id&gt;</c> (and <c>/approve</c> alone to list what waits). Handled before the
/// session lane, because the turn that waits for the answer holds that lane.
/// </summary>
internal sealed class ApprovalChatCommand(ExecApprovals approvals)
{
    public static bool IsCommand(string text) => TryParse(text, out _, out _);

    /// <summary>The reply, or null when <paramref name="text"/> is not an approval command.</summary>
    public string? TryHandle(string text, ApprovalActor actor)
    {
        if (!TryParse(text, out var approve, out var id))
        {
            return null;
        }
        if (id.Length == 0)
        {
            var visible = approvals.Pending.Where(actor.MayAnswer).ToList();
            return visible.Count == 0
                ? "No command is waiting for approval."
                : "Waiting for approval:\n" + string.Join("\n", visible.Select(a => $"- {a.Id}: {a.Command}")) + "\nReply /approve <id> or /deny <id>.";
        }
        var command = approvals.Find(id)?.Command;
        return approvals.Answer(id, approve, actor) switch
        {
            ApprovalAnswer.Approved => $"Approved {id}; running: {command}",
            ApprovalAnswer.Denied => $"Denied {id}; the command will not run.",
            ApprovalAnswer.NotAllowed => "Only the owner can answer approval requests, from the chat where they were asked.",
            _ => $"No pending approval '{id}' (it may have expired or been answered already).",
        };
    }

    private static bool TryParse(string text, out bool approve, out string id)
    {
        var parts = text.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        approve = parts.Length > 0 && parts[0].Equals("/approve", StringComparison.OrdinalIgnoreCase);
        var deny = parts.Length > 0 && parts[0].Equals("/deny", StringComparison.OrdinalIgnoreCase);
        id = parts.Length > 1 ? parts[1] : "";
        return (approve || deny) && parts.Length <= 2;
    }
}
