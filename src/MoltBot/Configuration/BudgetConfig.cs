namespace MoltBot.Configuration;

/// <summary><c>agents.defaults.budget</c> / <c>agents.list[].budget</c>: what an agent may use per UTC day. Null fields: no limit.</summary>
internal sealed record BudgetConfig
{
    public long? DailyTokens { get; init; }

    public double? DailyCostUsd { get; init; }
}
