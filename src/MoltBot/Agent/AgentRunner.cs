using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Agent.Budgets;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Providers;
using MoltBot.Sessions;

namespace MoltBot.Agent;

/// <summary>
/// Runs one agent turn: chat commands, then the durable tool-calling loop. One turn at a time per session
/// (<see cref="SessionLanes"/>); many sessions in parallel.
/// </summary>
internal sealed partial class AgentRunner(
    AgentCatalog agents,
    SessionStore sessions,
    SessionLanes lanes,
    ModelRouter models,
    ToolRegistry tools,
    SystemPromptBuilder prompts,
    ChatCommands commands,
    Compactor compactor,
    ILogger<AgentRunner> logger,
    ToolInvoker toolInvoker,
    ApprovalChatCommand approvalCommand,
    AgentBudgets budgets,
    MoltBotMetrics metrics,
    AgentRunSlots slots)
{
    /// <summary>Model calls per turn; a model stuck calling tools is stopped here.</summary>
    public const int MaxSteps = 12;

    // One instance per prompt text: the builder returns the same string while nothing it reads changed, so every turn
    // starts with the same message, and the provider layer reuses what it wrote for the conversation.
    private static readonly ConditionalWeakTable<string, ChatMessage> SystemMessages = [];

    public async Task<AgentTurnResult> RunAsync(
        AgentTurnRequest request, Func<string, CancellationToken, ValueTask>? onTextDelta, CancellationToken cancellationToken)
    {
        var agent = ResolveAgent(request);
        var key = request.SessionKey ?? SessionKey.MainSession(agent.Id);
        // Before the lane: the turn waiting for this approval holds it. Channel turns are answered by the dispatcher.
        if (request.Channel is null && approvalCommand.TryHandle(request.Text, ApprovalActor.Api) is { } approvalReply)
        {
            return new AgentTurnResult(key, approvalReply, null, 0, 0);
        }
        using var lane = await lanes.EnterAsync(key, cancellationToken);
        var session = sessions.GetOrCreate(key, agent.Id);

        if (commands.TryHandle(request.Text, agent, session) is { } commandReply)
        {
            return new AgentTurnResult(key, commandReply, null, 0, 0);
        }
        if (budgets.Refuse(agent, key, repeatNotice: request.Channel is null) is { } refusal)
        {
            return new AgentTurnResult(key, refusal, null, 0, 0);
        }
        // Inside the session lane, so a session's turns keep their order; the wait for a slot is not timed as the run.
        using var slot = await slots.EnterAsync(cancellationToken);
        using var runTimer = metrics.TimeAgentRun(models.TimeProvider, agent.Id);

        // An explicit /model is strict: no fallbacks behind the user's back.
        IReadOnlyList<string> modelRefs = session.ModelOverride is { } chosen ? [chosen] : agent.ModelRefs;
        if (modelRefs.Count == 0)
        {
            throw new AgentTurnException(
                "No model is configured. Set OPENROUTER_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY / AZURE_OPENAI_ENDPOINT), " +
                "or set agents.defaults.model.primary in moltbot.json; `moltbot models list` shows what is available.");
        }

        // A message seen before (same source: a re-run after a crash, a retry) keeps its stored entry.
        var userEntry = sessions.Append(session.SessionId, new ChatMessage(ChatRole.User, request.Text), pending: true, source: request.SourceId);
        var client = models.CreateClient(modelRefs);
        var model = models.Describe(modelRefs[0]);
        var systemPrompt = prompts.Build(agent);
        var history = await compactor.CompactIfNeededAsync(agent, session, systemPrompt, client, model, cancellationToken);

        var messages = new List<ChatMessage>(history.Count + 4) { SystemMessage(systemPrompt) };
        foreach (var entry in history)
        {
            messages.Add(entry.Message);
        }
        var options = new ChatOptions { Tools = [.. tools.For(agent)], MaxOutputTokens = model.MaxTokens };
        long inputTokens = 0, outputTokens = 0;

        for (var step = 0; step < MaxSteps; step++)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                updates.Add(update);
                if (onTextDelta is not null && update.Text is { Length: > 0 } delta)
                {
                    await onTextDelta(delta, cancellationToken);
                }
            }
            var response = updates.ToChatResponse();
            // The call's usage commits with the first entry it produced (or the answered mark): one commit, not two.
            var usage = budgets.Recording(agent.Id, response.Usage);
            inputTokens += response.Usage?.InputTokenCount ?? 0;
            outputTokens += response.Usage?.OutputTokenCount ?? 0;
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            var answered = calls.Count == 0;
            for (var i = 0; i < response.Messages.Count; i++)
            {
                // The answer and the user message's "answered" mark share one commit.
                var completes = answered && i == response.Messages.Count - 1 ? userEntry : (long?)null;
                sessions.Append(session.SessionId, toolInvoker.ForTranscript(response.Messages[i]), tokens: (int)(response.Usage?.OutputTokenCount ?? 0), completes: completes, alongside: i == 0 ? usage : null);
                messages.Add(response.Messages[i]);
            }

            if (answered)
            {
                if (response.Messages.Count == 0)
                {
                    sessions.Complete(session.SessionId, userEntry, alongside: usage);
                }
                return new AgentTurnResult(key, response.Text, response.ModelId ?? modelRefs[0], inputTokens, outputTokens);
            }

            var results = new List<AIContent>(calls.Count);
            foreach (var call in calls)
            {
                results.Add(await toolInvoker.InvokeAsync(call, new ToolContext(agent, key, request.Channel, request.ChatId) { Progress = onTextDelta }, cancellationToken));
            }
            var toolMessage = new ChatMessage(ChatRole.Tool, results);
            sessions.Append(session.SessionId, toolMessage);
            messages.Add(toolMessage);
        }

        var stopped = $"I stopped after {MaxSteps} model calls in one turn without reaching an answer. Tell me how to continue.";
        sessions.Append(session.SessionId, new ChatMessage(ChatRole.Assistant, stopped), completes: userEntry);
        LogStepLimit(logger, key, MaxSteps);
        return new AgentTurnResult(key, stopped, modelRefs[0], inputTokens, outputTokens);
    }

    private AgentProfile ResolveAgent(AgentTurnRequest request)
    {
        var id = request.AgentId ?? (request.SessionKey is { } k ? SessionKey.AgentIdOf(k) : null);
        if (id is null)
        {
            return agents.Default;
        }
        return agents.Find(id) ?? throw new AgentTurnException(
            $"Unknown agent '{id}'. Configured agents: {string.Join(", ", agents.All.Select(a => a.Id))}.");
    }

    private static ChatMessage SystemMessage(string prompt) => SystemMessages.GetValue(prompt, static text => new ChatMessage(ChatRole.System, text));

    [LoggerMessage(EventId = 1, EventName = EventNames.AgentStepLimit, Level = LogLevel.Warning, Message = "turn in {SessionKey} stopped at the step limit ({Steps})")]
    private static partial void LogStepLimit(ILogger logger, string sessionKey, int steps);
}
