using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Hosting.Metrics;

namespace MoltBot.Providers;

internal static class UsageChatClientBuilderExtensions
{
    /// <summary>Adds <see cref="UsageChatClient"/>: latency and token metrics, and the call's price for budgets.</summary>
    public static ChatClientBuilder UseUsage(this ChatClientBuilder builder, ModelRef model, ModelCost? cost, MoltBotMetrics? metrics, TimeProvider timeProvider) =>
        builder.Use(inner => new UsageChatClient(inner, model, cost, metrics, timeProvider));
}
