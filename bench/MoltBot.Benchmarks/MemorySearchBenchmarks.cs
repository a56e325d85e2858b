using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Configuration;
using MoltBot.Memory;
using MoltBot.Storage;

namespace MoltBot.Benchmarks;

/// <summary>
/// <c>memory_search</c> in process at 10k and 100k chunks (1536-dimension int8 vectors, like text-embedding-3-small):
/// keyword only (FTS5/BM25) and hybrid (BM25 + SIMD brute-force cosine) with a precomputed query vector, so the
/// embeddings round trip is not measured. The synthetic index is built once per size and reused from the temp folder.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MemorySearchBenchmarks
{
    private MemoryIndex _index = null!;
    private MemoryStore.StoredVector _queryVector = null!;

    [Params(10_000, 100_000)]
    public int Chunks { get; set; }

    public int Dimensions { get; set; } = 1536;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"moltbot-bench-memory-{Chunks}-{Dimensions}");
        var databasePath = Path.Combine(folder, "moltbot.db");
        var embedder = MemoryCorpus.Embedder(Dimensions);
        var fresh = !File.Exists(Path.Combine(folder, "complete"));
        if (fresh && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var store = new MemoryStore(new SqliteDatabase(databasePath));
        if (fresh)
        {
            var random = new Random(42);
            for (var done = 0; done < Chunks; done += 5_000)
            {
                var texts = Enumerable.Range(0, Math.Min(5_000, Chunks - done)).Select(_ => MemoryCorpus.Chunk(random)).ToList();
                var vectors = embedder.EmbedAsync(texts, CancellationToken.None).GetAwaiter().GetResult();
                store.InsertChunks("main", $"memory/bench-{done / 5_000}.md",
                    [.. texts.Select((t, i) => new MemoryStore.NewChunk(new MemoryChunk(i + 1, i + 1, t), vectors[i]))], embedder.Model);
            }
            File.WriteAllText(Path.Combine(folder, "complete"), "");
        }
        var workspace = Directory.CreateDirectory(Path.Combine(folder, "workspace")).FullName;
        _index = new MemoryIndex("main", workspace, store, new MemorySearchConfig(), embedder, TimeProvider.System, NullLogger.Instance);
        _index.SyncAsync(CancellationToken.None).GetAwaiter().GetResult(); // loads the vectors into memory
        _queryVector = embedder.EmbedAsync([MemoryCorpus.Query], CancellationToken.None).GetAwaiter().GetResult()[0];
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    public int KeywordOnly() => _index.Search(MemoryCorpus.Query, null, 6).Count;

    [Benchmark]
    public int Hybrid() => _index.Search(MemoryCorpus.Query, _queryVector, 6).Count;
}
