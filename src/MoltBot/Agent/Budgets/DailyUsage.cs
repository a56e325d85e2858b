namespace MoltBot.Agent.Budgets;

/// <summary>What one agent used on one UTC day.</summary>
internal sealed record DailyUsage(long InputTokens, long OutputTokens, double CostUsd)
{
    public static DailyUsage None { get; } = new(0, 0, 0);

    public long Tokens => InputTokens + OutputTokens;
}
