using System.Globalization;
using MoltBot.Storage;

namespace MoltBot.Agent.Budgets;

/// <summary>Per-agent usage per UTC day (<c>usage_daily</c>), added to after every model call.</summary>
/// <remarks>
/// A turn adds each model call's usage in the same commit as the transcript entry that call produced (see
/// <see cref="AgentBudgets.Recording"/>): one commit per model call instead of two.
/// </remarks>
internal sealed class UsageStore(SqliteDatabase database)
{
    public void Add(string agentId, DateOnly day, long inputTokens, long outputTokens, double costUsd)
    {
        using var lease = database.Rent();
        Add(lease, agentId, day, inputTokens, outputTokens, costUsd);
    }

    /// <summary>Adds to the day's total on <paramref name="lease"/>, inside whatever transaction it has open.</summary>
    public static void Add(SqliteLease lease, string agentId, DateOnly day, long inputTokens, long outputTokens, double costUsd)
    {
        var upsert = lease.Command("""
            INSERT INTO usage_daily(agent_id, day, input_tokens, output_tokens, cost_usd) VALUES ($agent, $day, $input, $output, $cost)
            ON CONFLICT(agent_id, day) DO UPDATE SET
                input_tokens = input_tokens + excluded.input_tokens,
                output_tokens = output_tokens + excluded.output_tokens,
                cost_usd = cost_usd + excluded.cost_usd;
            """);
        upsert.Parameters.AddWithValue("$agent", agentId);
        upsert.Parameters.AddWithValue("$day", Key(day));
        upsert.Parameters.AddWithValue("$input", inputTokens);
        upsert.Parameters.AddWithValue("$output", outputTokens);
        upsert.Parameters.AddWithValue("$cost", costUsd);
        upsert.ExecuteNonQuery();
    }

    public DailyUsage Get(string agentId, DateOnly day)
    {
        using var lease = database.Rent();
        var select = lease.Command("SELECT input_tokens, output_tokens, cost_usd FROM usage_daily WHERE agent_id = $agent AND day = $day;");
        select.Parameters.AddWithValue("$agent", agentId);
        select.Parameters.AddWithValue("$day", Key(day));
        using var reader = select.ExecuteReader();
        return reader.Read() ? new DailyUsage(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2)) : DailyUsage.None;
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
