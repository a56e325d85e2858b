namespace MoltBot.Agent;

/// <param name="AgentId">Null selects the default agent.</param>
/// <param name="SessionKey">Null selects the agent's main session.</param>
/// <param name="SourceId">The inbound message's durable id (e.g. <c>discord:123</c>): a re-run after a crash reuses the stored user message.</param>
/// <param name="Channel">The channel the message came from (<c>discord</c>, <c>telegram</c>); null for the HTTP API and CLI.</param>
/// <param name="ChatId">The channel's chat id, with <paramref name="Channel"/>.</param>
internal sealed record AgentTurnRequest(
    string Text, string? AgentId = null, string? SessionKey = null, string? SourceId = null, string? Channel = null, string? ChatId = null);

/// <param name="Model">The model ref that answered, or null for a chat command.</param>
internal sealed record AgentTurnResult(string SessionKey, string Text, string? Model, long InputTokens, long OutputTokens);

/// <summary>Why a turn could not run, in words the user can act on (no model configured, unknown agent, ...).</summary>
internal sealed class AgentTurnException(string message) : Exception(message);
