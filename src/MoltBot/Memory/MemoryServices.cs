using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Providers;
using MoltBot.Providers.Azure;

namespace MoltBot.Memory;

/// <summary>The memory index, the tools <c>memory_search</c>, <c>memory_get</c>, <c>memory_write</c> and the flush before compaction.</summary>
internal static partial class MemoryServices
{
    private static readonly Lazy<HttpClient> EmbeddingsHttp = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });

    public static IServiceCollection AddMemory(this IServiceCollection services, MemorySearchConfig config)
    {
        services.AddSingleton<MemoryStore>();
        services.AddSingleton(sp =>
        {
            var credential = new Lazy<TokenCredential>(() => AzureOpenAiClientFactory.DefaultCredential(Environment.GetEnvironmentVariable("AZURE_CLIENT_ID")));
            var embedder = MemoryEmbedderFactory.Create(config, sp.GetRequiredService<ModelRouter>().Providers, EmbeddingsHttp.Value, () => credential.Value);
            return new MemoryIndexes(
                sp.GetRequiredService<MemoryStore>(), config, embedder, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<MemoryFlush>();
        if (config.Enabled)
        {
            services.AddSingleton<AIFunction, MemorySearchTool>();
            services.AddSingleton<AIFunction, MemoryGetTool>();
            services.AddSingleton<AIFunction, MemoryWriteTool>();
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
