using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Memory;
using MoltBot.Providers;
using MoltBot.Sessions;

namespace MoltBot.Agent;

/// <summary>
/// When a session's live history approaches the model's context window, older turns are summarised by the model
/// and replaced (in the model's view only) by that summary. The transcript keeps every original entry.
/// Just before summarising, the agent gets one silent turn to save what matters to memory (<see cref="MemoryFlush"/>).
/// </summary>
internal sealed partial class Compactor(SessionStore sessions, ILogger<Compactor> logger, MemoryFlush? memoryFlush = null)
{
    private const string SummaryPrefix = "[Summary of the earlier conversation — older turns were compacted]\n";

    private readonly HistoryTokenCount _tokens = new();

    /// <summary>The history budget: the window minus room for the reply and a safety reserve.</summary>
    public static int Budget(ModelInfo model) =>
        Math.Max(1_000, model.ContextWindow - model.MaxTokens - Math.Min(20_000, model.ContextWindow / 5));

    /// <summary>
    /// Compacts the session if its live history is over the budget, and returns the live history the model should see next,
    /// so a turn reads (and deserialises) its session once rather than once here and once again for the model.
    /// </summary>
    public async Task<IReadOnlyList<StoredMessage>> CompactIfNeededAsync(
        AgentProfile agent, SessionInfo session, string systemPrompt, IChatClient client, ModelInfo model, CancellationToken cancellationToken)
    {
        var history = sessions.LiveHistory(session.SessionId);
        var budget = Budget(model);
        var total = TokenEstimator.Estimate(systemPrompt) + _tokens.Estimate(session.SessionId, history);
        if (total <= budget)
        {
            return history;
        }

        // Keep the newest turns that fit in 40% of the budget; cut only before a user message so a tool call never loses its result.
        var keepFrom = history.Count - 1;
        var kept = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            kept += TokenEstimator.Estimate(history[i].Message);
            if (history[i].Kind == StoredMessage.MessageKind && history[i].Message.Role == ChatRole.User)
            {
                if (kept > budget * 2 / 5 && keepFrom != history.Count - 1)
                {
                    break;
                }
                keepFrom = i;
            }
        }
        if (keepFrom <= 0)
        {
            return history;
        }

        if (memoryFlush is not null)
        {
            await memoryFlush.RunAsync(agent, session.Key, systemPrompt, [.. history.Select(m => m.Message)], client, model, cancellationToken);
        }

        var older = history.Take(keepFrom).ToList();
        var request = new List<ChatMessage>
        {
            new(ChatRole.System, "You compress conversations. Write a faithful summary of the conversation below for your future self: " +
                "facts about the user, decisions, open tasks, promises made, names, numbers and file paths. No preamble."),
            new(ChatRole.User, Render(older)),
        };
        var response = await client.GetResponseAsync(request, new ChatOptions { MaxOutputTokens = Math.Min(model.MaxTokens, 2_000) }, cancellationToken);
        sessions.Compact(session.SessionId, older[^1].Id, new ChatMessage(ChatRole.User, SummaryPrefix + response.Text.Trim()));
        LogCompacted(logger, session.Key, older.Count, total, budget);
        return sessions.LiveHistory(session.SessionId);
    }

    private static string Render(IEnumerable<StoredMessage> messages) => string.Join("\n\n", messages.Select(m =>
    {
        var text = string.Join(" ", m.Message.Contents.Select(c => c switch
        {
            TextContent t => t.Text,
            FunctionCallContent call => $"(called tool {call.Name})",
            FunctionResultContent result => $"(tool result: {Truncate(result.Result?.ToString() ?? "", 500)})",
            _ => "",
        }));
        return $"{m.Message.Role.Value}: {text}";
    }));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [LoggerMessage(EventId = 1, EventName = EventNames.SessionCompacted, Level = LogLevel.Information,
        Message = "compacted {SessionKey}: {Count} older entries summarised (~{Tokens} tokens over a budget of {Budget})")]
    private static partial void LogCompacted(ILogger logger, string sessionKey, int count, int tokens, int budget);
}
