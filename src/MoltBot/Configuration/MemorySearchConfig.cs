namespace MoltBot.Configuration;

/// <summary><c>agents.defaults.memorySearch.*</c>: the memory index, its embeddings and its ranking (OpenClaw's names).</summary>
internal sealed record MemorySearchConfig
{
    public const string DefaultModel = "text-embedding-3-small";

    public bool Enabled { get; init; } = true;

    /// <summary><c>openai</c>, <c>azure-openai</c> or <c>none</c>; null picks from what is configured.</summary>
    public string? Provider { get; init; }
    public string Model { get; init; } = DefaultModel;
    public string? RemoteBaseUrl { get; init; }
    public SecretValue? RemoteApiKey { get; init; }
    public int ChunkTokens { get; init; } = 400;
    public int ChunkOverlap { get; init; } = 80;
    public int MaxResults { get; init; } = 6;
    public double VectorWeight { get; init; } = 0.7;
    public double TextWeight { get; init; } = 0.3;
    public int CandidateMultiplier { get; init; } = 4;
    public bool Watch { get; init; } = true;
    public int WatchDebounceMs { get; init; } = 1_500;
}
