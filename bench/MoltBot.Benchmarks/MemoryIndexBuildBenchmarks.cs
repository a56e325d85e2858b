using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Configuration;
using MoltBot.Memory;
using MoltBot.Storage;

namespace MoltBot.Benchmarks;

/// <summary>
/// Building the memory index from scratch: 500 notes (~10k chunks of ~400 tokens) read, hashed, chunked, written to
/// SQLite + FTS5, and (with embeddings) embedded in process and quantized. Each run starts from an empty database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MemoryIndexBuildBenchmarks
{
    public const int Files = 500;
    public const int ChunksPerFile = 20;

    private string _folder = "";
    private int _run;

    [Params(false, true)]
    public bool Embeddings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("moltbot-bench-build-").FullName;
        var memory = Directory.CreateDirectory(Path.Combine(_folder, "workspace", "memory")).FullName;
        var random = new Random(7);
        for (var f = 0; f < Files; f++)
        {
            // Each paragraph is one line of ~700 characters; two lines make about one 400-token chunk.
            var lines = Enumerable.Range(0, ChunksPerFile * 2).Select(_ => MemoryCorpus.Chunk(random));
            File.WriteAllText(Path.Combine(memory, $"2026-{1 + (f / 28 % 12):00}-{1 + (f % 28):00}-{f}.md"), string.Join('\n', lines));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int BuildIndex()
    {
        var store = new MemoryStore(new SqliteDatabase(Path.Combine(_folder, $"run-{_run++}.db")));
        using var index = new MemoryIndex("main", Path.Combine(_folder, "workspace"), store, new MemorySearchConfig(),
            Embeddings ? MemoryCorpus.Embedder(1536) : null, TimeProvider.System, NullLogger.Instance);
        index.SyncAsync(CancellationToken.None).GetAwaiter().GetResult();
        return store.ChunkCount("main");
    }
}
