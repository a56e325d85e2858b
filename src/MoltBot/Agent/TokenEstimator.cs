using Microsoft.Extensions.AI;

namespace MoltBot.Agent;

/// <summary>
/// A cheap, provider-neutral token estimate (about four characters a token), used only to decide when to compact.
/// It errs high on purpose: compacting a little early beats a context-overflow error.
/// </summary>
internal static class TokenEstimator
{
    /// <summary>Characters counted as one token (errs high: real text averages closer to four).</summary>
    public const int CharsPerToken = 3;

    public static int Estimate(string text) => (text.Length / CharsPerToken) + 4;

    public static int Estimate(ChatMessage message)
    {
        var total = 4;
        foreach (var content in message.Contents)
        {
            total += content switch
            {
                TextContent t => Estimate(t.Text),
                FunctionCallContent c => Estimate(c.Name) + Estimate(System.Text.Json.JsonSerializer.Serialize(c.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)))),
                FunctionResultContent r => Estimate(r.Result?.ToString() ?? ""),
                _ => 16,
            };
        }
        return total;
    }
}
