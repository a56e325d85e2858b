namespace MoltBot.Configuration;

/// <summary>Builds <see cref="MemorySearchConfig"/> from the <c>agents.defaults.memorySearch.*</c> leaves.</summary>
internal static class MemorySearchConfigBuilder
{
    private const string Prefix = "agents.defaults.memorySearch.";

    public static MemorySearchConfig Build(ConfigValues values)
    {
        var defaults = new MemorySearchConfig();
        return new MemorySearchConfig
        {
            Enabled = values.GetBoolean(Prefix + "enabled") ?? defaults.Enabled,
            Provider = values.GetString(Prefix + "provider"),
            Model = values.GetString(Prefix + "model") ?? defaults.Model,
            RemoteBaseUrl = values.GetString(Prefix + "remote.baseUrl"),
            RemoteApiKey = WebToolsConfigBuilder.Secret(values, Prefix + "remote.apiKey"),
            ChunkTokens = (int)(values.GetInteger(Prefix + "chunking.tokens") ?? defaults.ChunkTokens),
            ChunkOverlap = (int)(values.GetInteger(Prefix + "chunking.overlap") ?? defaults.ChunkOverlap),
            MaxResults = (int)(values.GetInteger(Prefix + "query.maxResults") ?? defaults.MaxResults),
            VectorWeight = values.GetNumber(Prefix + "query.hybrid.vectorWeight") ?? defaults.VectorWeight,
            TextWeight = values.GetNumber(Prefix + "query.hybrid.textWeight") ?? defaults.TextWeight,
            CandidateMultiplier = (int)(values.GetInteger(Prefix + "query.hybrid.candidateMultiplier") ?? defaults.CandidateMultiplier),
            Watch = values.GetBoolean(Prefix + "sync.watch") ?? defaults.Watch,
            WatchDebounceMs = (int)(values.GetInteger(Prefix + "sync.watchDebounceMs") ?? defaults.WatchDebounceMs),
        };
    }
}
