namespace MoltBot.Security.Audit;

/// <summary>One security event: what happened (<see cref="AuditEventTypes"/>), who or what caused it, from where, and a short detail (never a secret).</summary>
internal sealed record AuditEvent(string Type, string? Actor = null, string? Address = null, string? Detail = null);

/// <summary>Stable audit event types; <c>moltbot audit tail --type</c> filters on them.</summary>
internal static class AuditEventTypes
{
    public const string AuthSucceeded = "auth.success";
    public const string AuthFailed = "auth.failure";
    public const string AuthThrottled = "auth.throttled";
    public const string IpDenied = "ip.denied";
    public const string PairingRequested = "pairing.request";
    public const string PairingApproved = "pairing.approve";
    public const string SenderDenied = "sender.denied";
    public const string SenderRateLimited = "sender.rate_limited";
    public const string ExecCommand = "exec.command";
    public const string ExecApproval = "exec.approval";
    public const string ConfigChanged = "config.change";
    public const string SecretReloaded = "secret.reload";
}
