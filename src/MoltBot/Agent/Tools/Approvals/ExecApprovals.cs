using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools.Approvals;

/// <summary>
/// Pending <c>exec</c> approvals. A request waits for the owner's answer (chat <c>/approve</c>/<c>/deny</c>, the gateway
/// API or <c>moltbot approvals</c>) and expires as denied after <c>tools.exec.approvalTimeoutSeconds</c> on the
/// injected clock. In memory on purpose: a restart denies everything that was waiting.
/// </summary>
internal sealed partial class ExecApprovals(
    MoltBotConfig config,
    TimeProvider timeProvider,
    IEnumerable<IApprovalNotifier> notifiers,
    ISecretRedactor redactor,
    IAuditLog audit,
    ILogger<ExecApprovals> logger)
{
    private const string IdAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private readonly ConcurrentDictionary<string, Entry> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly IApprovalNotifier[] _notifiers = [.. notifiers];

    public IReadOnlyList<PendingApproval> Pending => [.. _pending.Values.Select(e => e.Approval).OrderBy(a => a.RequestedAt)];

    public async Task<ApprovalDecision> RequestAsync(ToolContext context, string command, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(config.Tools.Exec.ApprovalTimeoutSeconds);
        var now = timeProvider.GetUtcNow();
        var approval = new PendingApproval(NewId(), redactor.Redact(command), context.Agent.Id, context.SessionKey,
            context.Channel, context.ChatId, now, now + timeout);
        var entry = new Entry(approval);
        // The expiry clock starts before the request is visible, so the deadline shown to the owner is the one enforced.
        using var expiry = new CancellationTokenSource(timeout, timeProvider);
        using var onExpiry = expiry.Token.Register(() =>
        {
            if (entry.Decision.TrySetResult(new ApprovalDecision(ApprovalVerdict.Expired, null)))
            {
                Audit(approval, ApprovalVerdict.Expired, "expired");
            }
        });
        _pending[approval.Id] = entry;
        try
        {
            var text = approval.Prompt(timeout);
            var delivered = context.Channel is not null && _notifiers.Any(n => n.TryNotify(approval, text));
            if (!delivered && context.Progress is { } progress)
            {
                await progress($"\n\n{text}\n\n", cancellationToken);
            }
            LogRequested(logger, approval.Id, approval.AgentId, approval.SessionKey);
            return await entry.Decision.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(approval.Id, out _);
        }
    }

    public ApprovalAnswer Answer(string id, bool approve, ApprovalActor actor)
    {
        if (!_pending.TryGetValue(id.Trim(), out var entry))
        {
            return ApprovalAnswer.NotFound;
        }
        if (!actor.MayAnswer(entry.Approval))
        {
            audit.Record(new AuditEvent(AuditEventTypes.ExecApproval, actor.Describe(), null, $"refused answer to {entry.Approval.Id}: not the owner's chat"));
            return ApprovalAnswer.NotAllowed;
        }
        var verdict = approve ? ApprovalVerdict.Approved : ApprovalVerdict.Denied;
        if (!entry.Decision.TrySetResult(new ApprovalDecision(verdict, actor.Describe())))
        {
            return ApprovalAnswer.NotFound;
        }
        Audit(entry.Approval, verdict, actor.Describe());
        return approve ? ApprovalAnswer.Approved : ApprovalAnswer.Denied;
    }

    public PendingApproval? Find(string id) => _pending.TryGetValue(id.Trim(), out var entry) ? entry.Approval : null;

    private void Audit(PendingApproval approval, ApprovalVerdict verdict, string by)
    {
        var word = verdict.ToString().ToLowerInvariant();
        audit.Record(new AuditEvent(AuditEventTypes.ExecApproval, by, null, $"{word} {approval.Id} (agent {approval.AgentId}): {approval.Command}"));
        LogAnswered(logger, approval.Id, word, by);
    }

    private static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, 6);

    private sealed record Entry(PendingApproval Approval)
    {
        public TaskCompletionSource<ApprovalDecision> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.ExecApprovalRequested, Level = LogLevel.Information,
        Message = "exec approval {Id} requested by agent {AgentId} in {SessionKey}; answer with /approve {Id} or /deny {Id} in that chat, or `moltbot approvals approve {Id}`")]
    private static partial void LogRequested(ILogger logger, string id, string agentId, string sessionKey);

    [LoggerMessage(EventId = 2, EventName = EventNames.ExecApprovalAnswered, Level = LogLevel.Information, Message = "exec approval {Id} {Verdict} by {By}")]
    private static partial void LogAnswered(ILogger logger, string id, string verdict, string by);
}

internal enum ApprovalAnswer
{
    Approved,
    Denied,
    NotFound,
    NotAllowed,
}
