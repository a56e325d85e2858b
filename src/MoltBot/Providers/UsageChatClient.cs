using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Hosting.Metrics;

namespace MoltBot.Providers;

/// <summary>
/// Usage accounting for one model ref: records model latency and tokens on <see cref="MoltBotMetrics"/> (tags
/// <c>provider</c>, <c>model</c>) and, when the model declares <c>cost</c> prices, stamps the call's price on its usage
/// (<see cref="CostKey"/> in <see cref="UsageDetails.AdditionalCounts"/>, micro-dollars) so budgets see the model that
/// really answered, fallbacks included.
/// </summary>
internal sealed class UsageChatClient(IChatClient inner, ModelRef model, ModelCost? cost, MoltBotMetrics? metrics, TimeProvider timeProvider)
    : DelegatingChatClient(inner)
{
    /// <summary>The price of the usage it is on, in millionths of a US dollar.</summary>
    public const string CostKey = "moltbot.cost.microusd";

    /// <summary>The price in US dollars stamped on <paramref name="usage"/>, or 0.</summary>
    public static double CostUsd(UsageDetails? usage) =>
        usage?.AdditionalCounts?.TryGetValue(CostKey, out var micro) == true ? micro / 1_000_000d : 0;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            Account(response.Usage);
            outcome = "ok";
            return response;
        }
        finally
        {
            RecordLatency(started, outcome);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                // Indexed, not OfType: this runs for every streamed chunk, and OfType allocates an iterator each time.
                var contents = update.Contents;
                for (var i = 0; i < contents.Count; i++)
                {
                    if (contents[i] is UsageContent usage)
                    {
                        Account(usage.Details);
                    }
                }
                yield return update;
            }
            outcome = "ok";
        }
        finally
        {
            RecordLatency(started, outcome);
        }
    }

    private void Account(UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }
        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        if (metrics is not null)
        {
            metrics.ModelTokens.Add(input, Tag("provider", model.Provider), Tag("model", model.ModelId), Tag("direction", "input"));
            metrics.ModelTokens.Add(output, Tag("provider", model.Provider), Tag("model", model.ModelId), Tag("direction", "output"));
        }
        if (cost is not null)
        {
            usage.AdditionalCounts ??= [];
            usage.AdditionalCounts[CostKey] = (long)Math.Round(cost.Of(input, usage.CachedInputTokenCount ?? 0, output) * 1_000_000d);
        }
    }

    private void RecordLatency(long started, string outcome) =>
        metrics?.ModelLatency.Record(timeProvider.GetElapsedTime(started).TotalSeconds,
            Tag("provider", model.Provider), Tag("model", model.ModelId), Tag("outcome", outcome));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
