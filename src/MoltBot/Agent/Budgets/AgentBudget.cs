namespace MoltBot.Agent.Budgets;

/// <summary>An agent's effective daily limits and the config keys that set them (for the notice's fix).</summary>
internal sealed record AgentBudget(long? DailyTokens, string DailyTokensKey, double? DailyCostUsd, string DailyCostUsdKey)
{
    public bool IsLimited => DailyTokens is not null || DailyCostUsd is not null;
}
