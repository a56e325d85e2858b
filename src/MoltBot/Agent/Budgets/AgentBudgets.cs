using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Providers;
using MoltBot.Storage;

namespace MoltBot.Agent.Budgets;

/// <summary>
/// Per-day budgets (<c>agents.defaults.budget</c>, <c>agents.list[].budget</c>): usage is added up per agent per UTC
/// day after every model call; once a limit is reached, turns are refused before they reach the model until 00:00 UTC.
/// </summary>
internal sealed partial class AgentBudgets(MoltBotConfig config, UsageStore usage, TimeProvider timeProvider, ILogger<AgentBudgets> logger)
{
    private readonly Dictionary<string, DateOnly> _toldSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _loggedAgents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public AgentBudget For(string agentId)
    {
        var index = -1;
        for (var i = 0; i < config.Agents.List.Count && index < 0; i++)
        {
            index = config.Agents.List[i].Id == agentId ? i : -1;
        }
        var own = index >= 0 ? config.Agents.List[index].Budget : new BudgetConfig();
        var defaults = config.Agents.Defaults.Budget;
        string Key(string field, bool fromAgent) => fromAgent
            ? string.Create(CultureInfo.InvariantCulture, $"agents.list[{index}].budget.{field}")
            : $"agents.defaults.budget.{field}";
        return new AgentBudget(
            own.DailyTokens ?? defaults.DailyTokens, Key("dailyTokens", own.DailyTokens is not null),
            own.DailyCostUsd ?? defaults.DailyCostUsd, Key("dailyCostUsd", own.DailyCostUsd is not null));
    }

    public DailyUsage Today(string agentId) => usage.Get(agentId, Today());

    /// <summary>
    /// Null when the turn may run. Otherwise the reply instead of the turn: the notice, or <c>""</c> (channels send
    /// nothing) when this session was told today already, unless <paramref name="repeatNotice"/> (API callers need a reply).
    /// </summary>
    public string? Refuse(AgentProfile agent, string sessionKey, bool repeatNotice)
    {
        var budget = For(agent.Id);
        if (!budget.IsLimited)
        {
            return null;
        }
        var today = Today();
        var used = usage.Get(agent.Id, today);
        string? notice = null;
        if (budget.DailyTokens is { } tokens && used.Tokens >= tokens)
        {
            notice = string.Create(CultureInfo.InvariantCulture,
                $"Today's budget for {agent.Id} is used up ({used.Tokens:N0} of {tokens:N0} tokens); it resets at 00:00 UTC. The owner can raise {budget.DailyTokensKey}.");
        }
        else if (budget.DailyCostUsd is { } dollars && used.CostUsd >= dollars)
        {
            notice = string.Create(CultureInfo.InvariantCulture,
                $"Today's budget for {agent.Id} is used up (${used.CostUsd:0.00} of ${dollars:0.00}); it resets at 00:00 UTC. The owner can raise {budget.DailyCostUsdKey}.");
        }
        if (notice is null)
        {
            return null;
        }
        bool firstToday, toldSession;
        lock (_gate)
        {
            firstToday = _loggedAgents.GetValueOrDefault(agent.Id) != today;
            _loggedAgents[agent.Id] = today;
            toldSession = _toldSessions.GetValueOrDefault(sessionKey) == today;
            if (_toldSessions.Count > 10_000)
            {
                _toldSessions.Clear(); // only today's entries matter; at worst a session is told twice
            }
            _toldSessions[sessionKey] = today;
        }
        if (firstToday)
        {
            LogExhausted(logger, agent.Id, used.Tokens, used.CostUsd);
        }
        return toldSession && !repeatNotice ? "" : notice;
    }

    /// <summary>Adds one model call's usage (and its price, when the model has one) to today's total.</summary>
    public void Record(string agentId, UsageDetails? details)
    {
        if (details is not null)
        {
            usage.Add(agentId, Today(), details.InputTokenCount ?? 0, details.OutputTokenCount ?? 0, UsageChatClient.CostUsd(details));
        }
    }

    /// <summary>
    /// One model call's usage as a write for another store's transaction (null when the call reported none): the turn
    /// commits it together with the transcript entry the call produced.
    /// </summary>
    public Action<SqliteLease>? Recording(string agentId, UsageDetails? details)
    {
        if (details is null)
        {
            return null;
        }
        var day = Today();
        var (input, output, cost) = (details.InputTokenCount ?? 0, details.OutputTokenCount ?? 0, UsageChatClient.CostUsd(details));
        return lease => UsageStore.Add(lease, agentId, day, input, output, cost);
    }

    /// <summary>Today's usage against the budget, for <c>/status</c>.</summary>
    public string StatusLine(string agentId)
    {
        var budget = For(agentId);
        var used = Today(agentId);
        var tokens = budget.DailyTokens is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"{used.Tokens:N0} of {limit:N0} tokens")
            : string.Create(CultureInfo.InvariantCulture, $"{used.Tokens:N0} tokens");
        var cost = budget.DailyCostUsd is { } dollars
            ? string.Create(CultureInfo.InvariantCulture, $", ${used.CostUsd:0.00##} of ${dollars:0.00}")
            : used.CostUsd > 0 ? string.Create(CultureInfo.InvariantCulture, $", ${used.CostUsd:0.00##}") : "";
        return $"Today (UTC): {tokens}{cost}{(budget.IsLimited ? "" : " (no budget set)")}";
    }

    private DateOnly Today() => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    [LoggerMessage(EventId = 1, EventName = EventNames.BudgetExhausted, Level = LogLevel.Warning,
        Message = "agent {AgentId} used up today's budget ({Tokens} tokens, {CostUsd} USD); turns are refused until 00:00 UTC")]
    private static partial void LogExhausted(ILogger logger, string agentId, long tokens, double costUsd);
}
