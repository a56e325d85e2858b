using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Budgets;
using MoltBot.Agent.Tools;
using MoltBot.Hosting;
using MoltBot.Providers;

namespace MoltBot.Memory;

/// <summary>
/// The silent turn before compaction: the model sees the whole live history once more, with one instruction to save
/// what should outlive the summary through <c>memory_write</c>. Exactly one model call, made only when a compaction
/// is about to happen; its tool calls are run but not answered, and nothing of it is stored in the transcript or
/// shown to the user (its writes land in the memory files, where the user can read them).
/// </summary>
internal sealed partial class MemoryFlush(
    MemoryIndexes indexes, ToolRegistry tools, ToolInvoker invoker, AgentBudgets budgets, ILogger<MemoryFlush> logger)
{
    public const string Instruction =
        "[Pre-compaction memory flush — silent, the owner does not see this turn] This conversation is about to be compacted: " +
        "older turns will be replaced by a short summary. Save anything durable now with memory_write (decisions, preferences, " +
        "facts about the owner, open tasks, names, numbers) — to today's note, or target longterm for lasting facts. " +
        "Do not save what is already in memory. If nothing needs saving, reply NO_REPLY.";

    /// <summary>Runs the flush turn; returns how many memory writes it made (0 when memory or memory_write is off for the agent).</summary>
    public async Task<int> RunAsync(
        AgentProfile agent, string sessionKey, string systemPrompt, IReadOnlyList<ChatMessage> history, IChatClient client, ModelInfo model,
        CancellationToken cancellationToken)
    {
        if (!indexes.Config.Enabled || !tools.IsAllowed(agent, MemoryWriteTool.ToolName) || tools.Find(MemoryWriteTool.ToolName) is not { } write)
        {
            return 0;
        }
        var messages = new List<ChatMessage> { new(ChatRole.System, systemPrompt) };
        messages.AddRange(history);
        messages.Add(new ChatMessage(ChatRole.User, Instruction));
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, new ChatOptions { Tools = [write], MaxOutputTokens = Math.Min(model.MaxTokens, 2_000) }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Compaction goes ahead without the flush; losing a note beats losing the turn.
            LogFlushFailed(logger, sessionKey, ex.Message);
            return 0;
        }
        budgets.Record(agent.Id, response.Usage);
        var writes = 0;
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (call.Name != MemoryWriteTool.ToolName)
            {
                continue;
            }
            var result = await invoker.InvokeAsync(call, new ToolContext(agent, sessionKey), cancellationToken);
            if (result.AdditionalProperties?[ToolInvoker.RecordKeys.Outcome] is "ok")
            {
                writes++;
            }
        }
        LogFlushed(logger, sessionKey, writes);
        return writes;
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.MemoryFlushed, Level = LogLevel.Information,
        Message = "memory flush before compacting {SessionKey}: {Writes} note(s) saved")]
    private static partial void LogFlushed(ILogger logger, string sessionKey, int writes);

    [LoggerMessage(EventId = 2, EventName = EventNames.MemoryFlushFailed, Level = LogLevel.Warning,
        Message = "memory flush before compacting {SessionKey} failed: {Reason}; compacting anyway")]
    private static partial void LogFlushFailed(ILogger logger, string sessionKey, string reason);
}
