using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Budgets;
using MoltBot.Agent.Tools;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Providers;
using MoltBot.Providers.Azure;
using MoltBot.Storage;

namespace MoltBot.Memory;

/// <summary>The memory index, the tools <c>memory_search</c>, <c>memory_get</c>, <c>memory_write</c> and the flush before compaction.</summary>
internal static partial class MemoryServices
{
    private static readonly Lazy<HttpClient> EmbeddingsHttp = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });

    public static IServiceCollection AddMemory(this IServiceCollection services, MemorySearchConfig config)
    {
        services.AddSingleton(sp => new MemoryStore(sp.Get<SqliteDatabase>()));
        services.AddSingleton(sp =>
        {
            var credential = new Lazy<TokenCredential>(() => AzureOpenAiClientFactory.DefaultCredential(Environment.GetEnvironmentVariable("AZURE_CLIENT_ID")));
            var embedder = MemoryEmbedderFactory.Create(config, sp.Get<ModelRouter>().Providers, EmbeddingsHttp.Value, () => credential.Value);
            return new MemoryIndexes(
                sp.Get<MemoryStore>(), config, embedder, sp.Get<TimeProvider>(), sp.Get<ILoggerFactory>());
        });
        services.AddSingleton(sp => new MemoryFlush(sp.Get<MemoryIndexes>(), sp.Get<ToolRegistry>(), sp.Get<ToolInvoker>(), sp.Get<AgentBudgets>(), sp.Logger<MemoryFlush>()));
        if (config.Enabled)
        {
            services.AddSingleton<AIFunction>(sp => new MemorySearchTool(sp.Get<MemoryIndexes>()));
            services.AddSingleton<AIFunction>(_ => new MemoryGetTool());
            services.AddSingleton<AIFunction>(sp => new MemoryWriteTool(sp.Get<TimeProvider>(), sp.Get<MoltBotConfig>()));
        }
        return services;
    }

    /// <summary>Opens every agent's index (starting its watcher) and brings it up to date in the background.</summary>
    public static void WarmUp(IServiceProvider services)
    {
        var indexes = services.GetRequiredService<MemoryIndexes>();
        if (!indexes.Config.Enabled)
        {
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MemoryServices));
        LogEmbeddings(logger, indexes.Embedder?.Description ?? "none (keyword search only)");
        foreach (var agent in services.GetRequiredService<AgentCatalog>().All)
        {
            var index = indexes.For(agent);
            _ = Task.Run(() => index.SyncInBackgroundAsync(CancellationToken.None));
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.MemoryEmbeddings, Level = LogLevel.Information, Message = "memory search embeddings: {Provider}")]
    private static partial void LogEmbeddings(ILogger logger, string provider);
}
