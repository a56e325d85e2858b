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

    /// <summary>Logged when the gateway is up and ready, with version, pid and how the previous run ended: <c>clean</c>, <c>crash</c> or <c>first-start</c> (alert: restarts).</summary>
    public const string GatewayStarted = "GatewayStarted";

    // Working-set trim (Hosting/WorkingSet/WorkingSetTrimService.cs)

    /// <summary>Logged once per start (Linux, <c>gateway.trimWorkingSet</c>), ~10 s after ready: how much RSS the compacting GC and dropping the clean pages of the binary and its libraries released.</summary>
    public const string WorkingSetTrimmed = "WorkingSetTrimmed";

    /// <summary>The same trim, each time the gateway goes quiet after work (5-10 s after its last message): RSS before → after.</summary>
    public const string WorkingSetTrimmedWhenQuiet = "WorkingSetTrimmedWhenQuiet";

    /// <summary>The working-set trim did not run: not Linux, or it failed (debug; the gateway runs on untrimmed).</summary>
    public const string WorkingSetTrimSkipped = "WorkingSetTrimSkipped";

    // OpenAI-compatible API (Gateway/OpenAi/ChatCompletionsEndpoints.cs)

    /// <summary>Logged when a chat turn fails.</summary>
    public const string TurnFailed = "TurnFailed";

    /// <summary>Logged when a WebChat turn (over the gateway WebSocket) fails.</summary>
    public const string WebChatTurnFailed = "WebChatTurnFailed";

    /// <summary>A gateway WebSocket connection closed, with its reason.</summary>
    public const string SocketClosed = "SocketClosed";

    // Agent (Agent/AgentRunner.cs, Agent/Compactor.cs)

    /// <summary>Logged when a turn stops at the tool-step limit.</summary>
    public const string AgentStepLimit = "AgentStepLimit";

    /// <summary>Logged when a tool call throws.</summary>
    public const string ToolFailed = "ToolFailed";

    /// <summary>Logged when a session's older entries are summarised.</summary>
    public const string SessionCompacted = "SessionCompacted";

    // Memory (Memory/MemoryIndex.cs, Memory/MemoryFlush.cs, Memory/MemoryServices.cs)

    /// <summary>Logged once per start: the embeddings provider of the memory index, or keyword-only search.</summary>
    public const string MemoryEmbeddings = "MemoryEmbeddings";

    /// <summary>Logged when the memory index re-indexed, removed or embedded something.</summary>
    public const string MemoryIndexed = "MemoryIndexed";

    /// <summary>Logged when a background re-index of the memory files fails.</summary>
    public const string MemoryIndexFailed = "MemoryIndexFailed";

    /// <summary>Logged when the embeddings provider fails; memory search falls back to keywords for a minute.</summary>
    public const string MemoryEmbeddingsFailed = "MemoryEmbeddingsFailed";

    /// <summary>Logged after the silent save-to-memory turn that precedes a compaction, with the number of notes saved.</summary>
    public const string MemoryFlushed = "MemoryFlushed";

    /// <summary>Logged when the save-to-memory turn before a compaction fails (the compaction goes ahead).</summary>
    public const string MemoryFlushFailed = "MemoryFlushFailed";

    // Tools (Agent/Tools/Approvals/ExecApprovals.cs)

    /// <summary>Logged when an exec command waits for the owner's approval.</summary>
    public const string ExecApprovalRequested = "ExecApprovalRequested";

    /// <summary>Logged when an approval request is approved, denied or expires.</summary>
    public const string ExecApprovalAnswered = "ExecApprovalAnswered";

    // MCP servers (Agent/Tools/Mcp/McpServerConnection.cs)

    /// <summary>An MCP server connected and listed its tools.</summary>
    public const string McpServerConnected = "McpServerConnected";

    /// <summary>An MCP server failed to start, could not be reached, or died; its tools are gone until a retry (with back-off) succeeds.</summary>
    public const string McpServerFailed = "McpServerFailed";

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

    /// <summary>A message arrived from a channel, WebChat or the API (alert: message volume). Emitted by Hosting/Metrics/MessageTraffic.cs.</summary>
    public const string MessageReceived = "MessageReceived";

    /// <summary>A channel (Discord, Telegram) lost its connection, once per drop (alert: channel disconnected). Emitted by Hosting/Metrics/ChannelHealthWatcher.cs.</summary>
    public const string ChannelDisconnected = "ChannelDisconnected";

    // Providers (Providers/ModelRouter.cs, RetryingChatClient.cs, FailoverChatClient.cs)

    /// <summary>A chat client was created for a model ref (debug).</summary>
    public const string ModelClientCreated = "ModelClientCreated";

    /// <summary>A model call failed with a retryable error and is retried.</summary>
    public const string ModelRetrying = "ModelRetrying";

    /// <summary>A provider asked to wait longer than the retry limit; not retried.</summary>
    public const string ModelRetryAfterTooLong = "ModelRetryAfterTooLong";

    /// <summary>A model failed and the next fallback model is tried.</summary>
    public const string ModelFailover = "ModelFailover";

    // Metrics (Hosting/Metrics)

    /// <summary>Metrics are pushed to an OTLP collector or Azure Monitor.</summary>
    public const string MetricsExporting = "MetricsExporting";

    /// <summary>A metrics exporter could not start (bad connection string); the gateway runs on without it.</summary>
    public const string MetricsExportFailed = "MetricsExportFailed";

    // Budgets (Agent/Budgets)

    /// <summary>An agent's daily token or cost budget is used up; turns are refused until 00:00 UTC. Logged once per agent per day.</summary>
    public const string BudgetExhausted = "BudgetExhausted";

    // Channel delivery (Channels/Delivery)

    /// <summary>A channel message was refused by the access policy.</summary>
    public const string ChannelMessageDenied = "ChannelMessageDenied";

    /// <summary>A stranger asked to pair; the owner approves with <c>moltbot pairing approve</c>.</summary>
    public const string PairingRequested = "PairingRequested";

    /// <summary>A sender went over <c>channels.&lt;name&gt;.rateLimit</c>: logged once per limited window, with the one notice they get.</summary>
    public const string SenderRateLimited = "SenderRateLimited";

    /// <summary>An accepted but unanswered channel message is re-run after a restart.</summary>
    public const string TurnResumed = "TurnResumed";

    /// <summary>A channel turn failed; the user got an apology.</summary>
    public const string ChannelTurnFailed = "ChannelTurnFailed";

    /// <summary>Sending a reply failed and will be retried.</summary>
    public const string OutboxRetrying = "OutboxRetrying";

    /// <summary>Sending a reply failed for good.</summary>
    public const string OutboxGaveUp = "OutboxGaveUp";

    /// <summary>The gateway stopped while a reply was being sent and the send did not finish within its grace period; it is sent again at the next start.</summary>
    public const string OutboxSendCutAtStop = "OutboxSendCutAtStop";

    // Discord (Channels/Discord)

    /// <summary>Logged in to the Discord gateway.</summary>
    public const string DiscordConnected = "DiscordConnected";

    /// <summary>The Discord connection dropped; reconnecting.</summary>
    public const string DiscordDisconnected = "DiscordDisconnected";

    /// <summary>A Discord session was resumed.</summary>
    public const string DiscordResumed = "DiscordResumed";

    /// <summary>Discord refused the connection for good (bad token, missing intents).</summary>
    public const string DiscordFatal = "DiscordFatal";

    /// <summary>Triggering the Discord typing indicator failed (debug).</summary>
    public const string DiscordTypingFailed = "DiscordTypingFailed";

    /// <summary>A Discord REST call hit a rate limit.</summary>
    public const string DiscordRateLimited = "DiscordRateLimited";

    /// <summary>Discord answered 5xx; retrying.</summary>
    public const string DiscordServerError = "DiscordServerError";

    /// <summary>Handling a Discord message threw.</summary>
    public const string DiscordHandlerFailed = "DiscordHandlerFailed";

    /// <summary>A Discord message already handled was skipped (debug).</summary>
    public const string DiscordDuplicateSkipped = "DiscordDuplicateSkipped";

    /// <summary>Discord did not acknowledge a heartbeat; reconnecting.</summary>
    public const string DiscordHeartbeatMissed = "DiscordHeartbeatMissed";

    /// <summary>Discord acknowledged a heartbeat (debug).</summary>
    public const string DiscordHeartbeatAck = "DiscordHeartbeatAck";

    /// <summary>Discord invalidated the session.</summary>
    public const string DiscordSessionInvalidated = "DiscordSessionInvalidated";

    /// <summary>A malformed Discord gateway frame was ignored.</summary>
    public const string DiscordMalformedFrame = "DiscordMalformedFrame";

    /// <summary>The Discord channel is configured and starting.</summary>
    public const string DiscordConfigured = "DiscordConfigured";

    /// <summary>The Discord channel stopped for good.</summary>
    public const string DiscordStopped = "DiscordStopped";

    // Telegram (Channels/Telegram)

    /// <summary>The Telegram bot token was accepted.</summary>
    public const string TelegramLoggedIn = "TelegramLoggedIn";

    /// <summary>The Telegram channel is configured and starting.</summary>
    public const string TelegramConfigured = "TelegramConfigured";

    /// <summary>Telegram rejected the bot token.</summary>
    public const string TelegramTokenRejected = "TelegramTokenRejected";

    /// <summary>Connecting to Telegram failed; retrying.</summary>
    public const string TelegramConnectFailed = "TelegramConnectFailed";

    /// <summary>A Telegram long poll failed; retrying.</summary>
    public const string TelegramPollFailed = "TelegramPollFailed";

    /// <summary>Accepting a Telegram update failed.</summary>
    public const string TelegramAcceptFailed = "TelegramAcceptFailed";

    /// <summary>The Telegram webhook was registered.</summary>
    public const string TelegramWebhookSet = "TelegramWebhookSet";

    /// <summary>A formatted Telegram reply was refused and re-sent as plain text.</summary>
    public const string TelegramPlainTextFallback = "TelegramPlainTextFallback";

    /// <summary>Sending the Telegram typing indicator failed (debug).</summary>
    public const string TelegramTypingFailed = "TelegramTypingFailed";

    // Audit log (Security/Audit/SqliteAuditLog.cs)

    /// <summary>The audit queue was full, so security events are being dropped (logged once per process; the count is kept).</summary>
    public const string AuditEventsDropped = "AuditEventsDropped";

    /// <summary>A batch of audit events could not be written to the database.</summary>
    public const string AuditWriteFailed = "AuditWriteFailed";

    // Store (Storage/SqliteCheckpointer.cs)

    /// <summary>A background WAL checkpoint failed (e.g. disk full); commits fall back to SQLite's own checkpoint.</summary>
    public const string StoreCheckpointFailed = "StoreCheckpointFailed";

    // Secrets (Security/Secrets/SecretRotationService.cs)

    /// <summary>A rotated secret (changed secret file or new Key Vault version) was picked up; names the config key, never the value.</summary>
    public const string SecretReloaded = "SecretReloaded";

    /// <summary>Re-reading a secret file or Key Vault secret failed; the previous value stays in use.</summary>
    public const string SecretReloadFailed = "SecretReloadFailed";
}
