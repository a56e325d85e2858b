using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Configuration;

namespace MoltBot.Memory;

/// <summary>The memory index of each agent, created on first use (and at start-up by <see cref="MemoryServices.WarmUp"/>).</summary>
internal sealed class MemoryIndexes(
    MemoryStore store, MemorySearchConfig config, MemoryEmbedder? embedder, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MemoryIndex>> _indexes = new(StringComparer.Ordinal);

    public MemorySearchConfig Config => config;

    /// <summary>The embeddings provider in use, or null (keyword search only).</summary>
    public MemoryEmbedder? Embedder => embedder;

    public MemoryIndex For(AgentProfile agent) => _indexes.GetOrAdd(agent.Id, _ => new Lazy<MemoryIndex>(() =>
    {
        var index = new MemoryIndex(agent.Id, agent.WorkspacePath, store, config, embedder, time, loggers.CreateLogger<MemoryIndex>());
        if (config.Watch)
        {
            index.StartWatching(TimeSpan.FromMilliseconds(config.WatchDebounceMs));
        }
        return index;
    })).Value;

    public void Dispose()
    {
        foreach (var index in _indexes.Values.Where(l => l.IsValueCreated))
        {
            index.Value.Dispose();
        }
    }
}
