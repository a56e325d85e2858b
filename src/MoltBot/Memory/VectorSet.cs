namespace MoltBot.Memory;

/// <summary>
/// One agent's chunk embeddings in memory, searched by brute force: an int8 SIMD dot product per chunk
/// (<see cref="QuantizedVector"/>), no extra server. 100k chunks of 1536 dimensions take about 150 MB.
/// </summary>
internal sealed class VectorSet
{
    private readonly Dictionary<long, MemoryStore.StoredVector> _vectors = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    public void Set(long id, MemoryStore.StoredVector vector)
    {
        lock (_gate)
        {
            _vectors[id] = vector;
        }
    }

    public void Remove(IEnumerable<long> ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _vectors.Remove(id);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _vectors.Clear();
        }
    }

    /// <summary>Cosine similarity with the chunk, or null when it has no embedding.</summary>
    public float? Score(long id, MemoryStore.StoredVector query)
    {
        lock (_gate)
        {
            return _vectors.TryGetValue(id, out var v) && v.Values.Length == query.Values.Length
                ? QuantizedVector.Cosine(v.Values, v.Scale, query.Values, query.Scale)
                : null;
        }
    }

    /// <summary>The <paramref name="k"/> chunks most similar to <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<(long Id, float Score)> Top(MemoryStore.StoredVector query, int k)
    {
        if (k <= 0)
        {
            return [];
        }
        // A min-heap of the best k so far: one pass, no sort of the whole set.
        var best = new PriorityQueue<long, float>(k + 1);
        lock (_gate)
        {
            foreach (var (id, v) in _vectors)
            {
                if (v.Values.Length != query.Values.Length)
                {
                    continue;
                }
                var score = QuantizedVector.Cosine(v.Values, v.Scale, query.Values, query.Scale);
                if (best.Count < k)
                {
                    best.Enqueue(id, score);
                }
                else if (best.TryPeek(out _, out var worst) && score > worst)
                {
                    best.EnqueueDequeue(id, score);
                }
            }
        }
        var result = new List<(long, float)>(best.Count);
        while (best.TryDequeue(out var id, out var score))
        {
            result.Add((id, score));
        }
        result.Reverse();
        return result;
    }
}
