using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Configuration;
using MoltBot.Memory;
using MoltBot.Providers;
using MoltBot.Storage;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Memory;

/// <summary>A memory index over a temp workspace and a real SQLite file, embedding through the fake OpenAI server's <c>/v1/embeddings</c>.</summary>
internal sealed class MemoryIndexFixture : IAsyncDisposable
{
    private static readonly HttpClient Http = new();

    private MemoryIndexFixture(TempDirectory state, FakeOpenAiServer llm, MemorySearchConfig config, TimeProvider time)
    {
        State = state;
        Llm = llm;
        Config = config;
        Directory.CreateDirectory(Path.Combine(Workspace, "memory"));
        Store = new MemoryStore(new SqliteDatabase(state.Combine("moltbot.db")));
        Embedder = MemoryEmbedderFactory.Create(config, new Dictionary<string, ResolvedProvider>(), Http, () => throw new InvalidOperationException("no Azure here"));
        Index = new MemoryIndex("main", Workspace, Store, config, Embedder, time, NullLogger.Instance);
    }

    public TempDirectory State { get; }
    public FakeOpenAiServer Llm { get; }
    public MemorySearchConfig Config { get; }
    public MemoryStore Store { get; }
    public MemoryEmbedder? Embedder { get; }
    public MemoryIndex Index { get; }
    public string Workspace => State.Combine("workspace");

    /// <summary>With embeddings from the fake server unless <paramref name="provider"/> is <c>none</c>.</summary>
    public static async Task<MemoryIndexFixture> StartAsync(string? provider = null, TimeProvider? time = null, Func<MemorySearchConfig, MemorySearchConfig>? configure = null)
    {
        var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = new MemorySearchConfig
        {
            Provider = provider,
            RemoteBaseUrl = llm.BaseUrl.ToString(),
            RemoteApiKey = new SecretValue("sk-embed-test", "test"),
        };
        return new MemoryIndexFixture(new TempDirectory(), llm, configure?.Invoke(config) ?? config, time ?? TimeProvider.System);
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public Task<MemorySyncResult> SyncAsync() => Index.SyncAsync(TestContext.Current.CancellationToken);

    public Task<IReadOnlyList<MemoryHit>> SearchAsync(string query, int max = 6) => Index.SearchAsync(query, max, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Llm.DisposeAsync();
        State.Dispose();
    }
}
