namespace MoltBot.Hosting;

/// <summary>
/// Every log event name MoltBot emits, in one list. <c>[LoggerMessage(EventName = ...)]</c> attributes and the Azure
/// Monitor alerts in <c>infra/</c> both take their names from here; a test checks the alerts use only these names.
/// The alerts match a name as a whole term in a log line, so the JSON log format must write the event name.
/// </summary>
internal static class EventNames
{
    // Gateway host (Gateway/GatewayApp.cs)

    /// <summary>Logged once per start with the default agent's model.</summary>
    public const string AgentModel = "AgentModel";

    /// <summary>Logged once per start when no provider key or model is configured.</summary>
    public const string NoModel = "NoModel";

    /// <summary>Logged once per start with the address the gateway listens on.</summary>
    public const string GatewayListening = "GatewayListening";

    /// <summary>Logged on the first start that generates a gateway token.</summary>
    public const string GatewayTokenGenerated = "GatewayTokenGenerated";

    /// <summary>Logged once per start with the Control UI address.</summary>
    public const string ControlUiUrl = "ControlUiUrl";

    /// <summary>Logged when the gateway is up and ready; each one after the first is a restart (alert: restarts). Not emitted yet: emitted from the security/channels issues.</summary>
    public const string GatewayStarted = "GatewayStarted";

    // OpenAI-compatible API (Gateway/OpenAi/ChatCompletionsEndpoints.cs)

    /// <summary>Logged when a chat turn fails.</summary>
    public const string TurnFailed = "TurnFailed";

    // Agent (Agent/AgentRunner.cs, Agent/Compactor.cs)

    /// <summary>Logged when a turn stops at the tool-step limit.</summary>
    public const string AgentStepLimit = "AgentStepLimit";

    /// <summary>Logged when a tool call throws.</summary>
    public const string ToolFailed = "ToolFailed";

    /// <summary>Logged when a session's older entries are summarised.</summary>
    public const string SessionCompacted = "SessionCompacted";

    // Tools (Agent/Tools/Approvals/ExecApprovals.cs)

    /// <summary>Logged when an exec command waits for the owner's approval.</summary>
    public const string ExecApprovalRequested = "ExecApprovalRequested";

    /// <summary>Logged when an approval request is approved, denied or expires.</summary>
    public const string ExecApprovalAnswered = "ExecApprovalAnswered";

    // Web tools (Agent/Tools/Web/WebFetchTool.cs)

    /// <summary>Logged when <c>web_fetch</c> refuses a private, loopback, link-local or metadata destination (possible SSRF attempt).</summary>
    public const string WebFetchRefused = "WebFetchRefused";

    // Security and channels

    /// <summary>A request or connection with a missing or wrong gateway token (alert: auth failures). Emitted by Gateway/Security/GatewayAuthGuard.cs.</summary>
    public const string AuthFailed = "AuthFailed";

    /// <summary>An address made too many failed auth attempts and is refused for a while (gateway.auth.rateLimit).</summary>
    public const string AuthThrottled = "AuthThrottled";

    /// <summary>A request from an address outside gateway.allowedIpRanges was refused (logged once an hour per address).</summary>
    public const string IpDenied = "IpDenied";

    /// <summary>A message arrived from a channel or the API (alert: message volume). Not emitted yet: emitted from the security/channels issues.</summary>
    public const string MessageReceived = "MessageReceived";

    /// <summary>A channel (Discord, Telegram) lost its connection (alert: channel disconnected). Not emitted yet: emitted from the security/channels issues.</summary>
    public const string ChannelDisconnected = "ChannelDisconnected";

    // Audit log (Security/Audit/SqliteAuditLog.cs)

    /// <summary>The audit queue was full, so security events are being dropped (logged once per process; the count is kept).</summary>
    public const string AuditEventsDropped = "AuditEventsDropped";

    /// <summary>A batch of audit events could not be written to the database.</summary>
    public const string AuditWriteFailed = "AuditWriteFailed";
}
