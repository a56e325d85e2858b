using Microsoft.Extensions.Logging;
using MoltBot.Configuration;

namespace MoltBot.Memory;

/// <summary>
/// One agent's memory index: keeps the SQLite chunks (and their embeddings) in step with <c>MEMORY.md</c> and
/// <c>memory/*.md</c>, and answers hybrid searches. Re-indexing is incremental: a file whose size and write time are
/// unchanged is skipped, one whose content hash is unchanged is only touched, and a changed file is re-chunked with
/// the embeddings of its unchanged chunks reused, so only new text goes to the embeddings provider.
/// </summary>
internal sealed partial class MemoryIndex : IDisposable
{
    private const int EmbedBatch = 256;
    private const double CommonTermFraction = 0.1;
    private const int CommonTermMinChunks = 1_000;
    private static readonly TimeSpan EmbedBackoff = TimeSpan.FromMinutes(1);

    private readonly MemoryStore _store;
    private readonly MemorySearchConfig _config;
    private readonly MemoryEmbedder? _embedder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly VectorSet _vectors = new();
    private readonly HashSet<long> _chunkIds = [];
    private readonly Lock _chunkIdsGate = new();
    private bool _vectorsLoaded;
    private bool _chunkIdsLoaded;
    private DateTimeOffset _embedRetryAt = DateTimeOffset.MinValue;
    private MemoryWatcher? _watcher;

    public MemoryIndex(string agentId, string workspace, MemoryStore store, MemorySearchConfig config, MemoryEmbedder? embedder, TimeProvider time, ILogger logger)
    {
        AgentId = agentId;
        Workspace = workspace;
        _store = store;
        _config = config;
        _embedder = embedder;
        _time = time;
        _logger = logger;
    }

    public string AgentId { get; }
    public string Workspace { get; }

    /// <summary>The file watcher, once <see cref="StartWatching"/> ran.</summary>
    internal MemoryWatcher? Watcher => _watcher;

    /// <summary>Semantic search is on (an embeddings provider is configured); otherwise keyword (FTS5/BM25) only.</summary>
    public bool HasEmbeddings => _embedder is not null;

    /// <summary>Re-indexes shortly after the files change (debounced on the injected clock).</summary>
    public void StartWatching(TimeSpan debounce)
    {
        _watcher ??= new MemoryWatcher(Workspace, debounce, _time, ct => SyncInBackgroundAsync(ct));
    }

    /// <summary>Brings the index up to date with the files; safe to call often (an unchanged file costs one stat).</summary>
    public async Task<MemorySyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureVectorsLoaded();
            var (indexed, removed) = SyncFiles();
            var embedded = await EmbedMissingAsync(cancellationToken);
            var result = new MemorySyncResult(indexed, removed, embedded);
            if (result.Changed)
            {
                LogIndexed(_logger, AgentId, indexed.Count, removed.Count, embedded);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Syncs, embeds the query (when embeddings are on) and ranks; see <see cref="Search"/>.</summary>
    public async Task<IReadOnlyList<MemoryHit>> SearchAsync(string query, int maxResults, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        MemoryStore.StoredVector? queryVector = null;
        if (_embedder is not null && _time.GetUtcNow() >= _embedRetryAt)
        {
            try
            {
                queryVector = (await _embedder.EmbedAsync([query], cancellationToken))[0];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _embedRetryAt = _time.GetUtcNow() + EmbedBackoff;
                LogEmbeddingsFailed(_logger, AgentId, _embedder.Description, ex.Message);
            }
        }
        return Search(query, queryVector, maxResults);
    }

    /// <summary>
    /// Hybrid ranking (OpenClaw's): up to <c>maxResults × candidateMultiplier</c> candidates from each side — BM25
    /// keyword matches and nearest vectors — merged and scored <c>vectorWeight × cosine + textWeight × bm25</c>
    /// (BM25 normalised to the best match). Without a query vector, BM25 alone.
    /// </summary>
    public IReadOnlyList<MemoryHit> Search(string query, MemoryStore.StoredVector? queryVector, int maxResults)
    {
        maxResults = Math.Clamp(maxResults, 1, 50);
        var candidates = maxResults * Math.Max(1, _config.CandidateMultiplier);
        var fts = FtsQuery.Join(KeywordTerms(query));
        var keyword = fts is null ? [] : _store.Keyword(fts, candidates, IsOwnChunk);
        var best = keyword.Count > 0 ? keyword.Max(k => -k.Rank) : 0;
        var text = new Dictionary<long, double>(keyword.Count);
        foreach (var (id, rank) in keyword)
        {
            text[id] = best > 0 ? Math.Max(0, -rank) / best : 1;
        }

        List<(long Id, double Score, double? Vector, double? Text)> ranked;
        if (queryVector is null || _vectors.Count == 0)
        {
            ranked = [.. text.Select(t => (t.Key, t.Value, (double?)null, (double?)t.Value))];
        }
        else
        {
            var weightSum = _config.VectorWeight + _config.TextWeight;
            var (wv, wt) = weightSum > 0 ? (_config.VectorWeight / weightSum, _config.TextWeight / weightSum) : (0.5, 0.5);
            var vector = _vectors.Top(queryVector, candidates).ToDictionary(v => v.Id, v => (double)v.Score);
            ranked = [];
            foreach (var id in vector.Keys.Union(text.Keys))
            {
                var v = Math.Max(0, vector.TryGetValue(id, out var known) ? known : _vectors.Score(id, queryVector) ?? 0);
                var t = text.GetValueOrDefault(id);
                ranked.Add((id, (wv * v) + (wt * t), v, t));
            }
        }
        // Nothing similar and no keyword in common: not a result, however few there are.
        var top = ranked.Where(r => r.Score > 0).OrderByDescending(r => r.Score).ThenBy(r => r.Id).Take(maxResults).ToList();
        var chunks = _store.Chunks(top.Select(r => r.Id));
        return [.. top.Where(r => chunks.ContainsKey(r.Id)).Select(r =>
        {
            var chunk = chunks[r.Id];
            return new MemoryHit(chunk.Path, chunk.StartLine, chunk.EndLine, r.Score, chunk.Text, r.Vector, r.Text);
        })];
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _gate.Dispose();
    }

    /// <summary>A sync whose failure is logged (<c>MemoryIndexFailed</c>), not thrown: for the watcher and start-up.</summary>
    internal async Task SyncInBackgroundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
        {
            LogIndexFailed(_logger, AgentId, ex.Message);
        }
    }

    /// <summary>
    /// The query's words, less those found in more than <see cref="CommonTermFraction"/> of a large index's chunks
    /// when rarer words match: like stop words they barely move BM25, and they are what makes a keyword query slow
    /// (every chunk containing "the" would be scored).
    /// </summary>
    private IReadOnlyList<string> KeywordTerms(string query)
    {
        var terms = FtsQuery.Terms(query);
        int chunks;
        lock (_chunkIdsGate)
        {
            chunks = _chunkIds.Count;
        }
        if (terms.Count < 2 || chunks < CommonTermMinChunks)
        {
            return terms;
        }
        var frequencies = _store.DocumentFrequencies(terms);
        var rare = terms.Where(t => frequencies[t] <= chunks * CommonTermFraction).ToList();
        return rare.Count < terms.Count && rare.Any(t => frequencies[t] > 0) ? rare : terms;
    }

    private bool IsOwnChunk(long id)
    {
        lock (_chunkIdsGate)
        {
            return _chunkIds.Contains(id);
        }
    }

    private void TrackChunks(IEnumerable<long> removed, IEnumerable<long> added)
    {
        lock (_chunkIdsGate)
        {
            _chunkIds.ExceptWith(removed);
            _chunkIds.UnionWith(added);
        }
    }

    private void EnsureVectorsLoaded()
    {
        if (!_chunkIdsLoaded)
        {
            TrackChunks([], _store.ChunkIds(AgentId));
            _chunkIdsLoaded = true;
        }
        if (_embedder is null || _vectorsLoaded)
        {
            return;
        }
        foreach (var (id, vector) in _store.Vectors(AgentId, _embedder.Model))
        {
            _vectors.Set(id, vector);
        }
        _vectorsLoaded = true;
    }

    private (List<string> Indexed, List<string> Removed) SyncFiles()
    {
        var stored = _store.Files(AgentId);
        var present = MemoryFiles.List(Workspace);
        var indexed = new List<string>();
        foreach (var relative in present)
        {
            var info = new FileInfo(Path.Combine(Workspace, relative));
            if (!info.Exists)
            {
                continue;
            }
            var size = info.Length;
            var mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds();
            var known = stored.GetValueOrDefault(relative);
            if (known is not null && known.Size == size && known.Mtime == mtime)
            {
                continue;
            }
            string content;
            try
            {
                content = File.ReadAllText(info.FullName);
            }
            catch (IOException)
            {
                continue; // being written; the watcher or the next search picks it up
            }
            var file = new MemoryStore.IndexedFile(relative, MemoryHash.Of(content), size, mtime);
            if (known is not null && known.Hash == file.Hash)
            {
                _store.Touch(AgentId, file);
                continue;
            }
            var chunks = MarkdownChunker.Chunk(content, _config.ChunkTokens, _config.ChunkOverlap);
            var reuse = _embedder is null ? [] : _store.Embeddings(AgentId, relative, _embedder.Model);
            var fresh = chunks.Select(c => new MemoryStore.NewChunk(c, reuse.GetValueOrDefault(c.Hash))).ToList();
            var (removedIds, ids) = _store.ReplaceFile(AgentId, file, fresh, _embedder?.Model, _time.GetUtcNow().ToUnixTimeMilliseconds());
            _vectors.Remove(removedIds);
            TrackChunks(removedIds, ids);
            for (var i = 0; i < ids.Count; i++)
            {
                if (fresh[i].Vector is { } vector)
                {
                    _vectors.Set(ids[i], vector);
                }
            }
            indexed.Add(relative);
        }
        var removed = new List<string>();
        foreach (var gone in stored.Keys.Except(present, StringComparer.Ordinal))
        {
            var removedIds = _store.RemoveFile(AgentId, gone);
            _vectors.Remove(removedIds);
            TrackChunks(removedIds, []);
            removed.Add(gone);
        }
        return (indexed, removed);
    }

    private async Task<int> EmbedMissingAsync(CancellationToken cancellationToken)
    {
        if (_embedder is null || _time.GetUtcNow() < _embedRetryAt)
        {
            return 0;
        }
        var embedded = 0;
        try
        {
            while (true)
            {
                var batch = _store.Unembedded(AgentId, _embedder.Model, EmbedBatch);
                if (batch.Count == 0)
                {
                    break;
                }
                var vectors = await _embedder.EmbedAsync([.. batch.Select(b => b.Text)], cancellationToken);
                var pairs = batch.Select((b, i) => (b.Id, vectors[i])).ToList();
                _store.SetEmbeddings(pairs, _embedder.Model);
                foreach (var (id, vector) in pairs)
                {
                    _vectors.Set(id, vector);
                }
                embedded += batch.Count;
                if (batch.Count < EmbedBatch)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keyword search keeps working; the missing embeddings are retried after the back-off.
            _embedRetryAt = _time.GetUtcNow() + EmbedBackoff;
            LogEmbeddingsFailed(_logger, AgentId, _embedder.Description, ex.Message);
        }
        return embedded;
    }
}
