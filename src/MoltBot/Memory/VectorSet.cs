namespace MoltBot.Memory;

/// <summary>
/// One agent's chunk embeddings in memory, searched by brute force: an int8 SIMD dot product per chunk
/// (<see cref="QuantizedVector"/>), no extra server. 100k chunks of 1536 dimensions take about 150 MB.
/// Past <see cref="ExactLimit"/> vectors, a first pass compares 1-bit signatures (the sign of each dimension,
/// Hamming distance with popcount: 1/8 of the memory traffic) and only the closest
/// <see cref="RescoreFactor"/> × k are scored exactly — the usual binary-quantization-then-rescore scheme.
/// </summary>
internal sealed class VectorSet
{
    public const int ExactLimit = 20_000;
    public const int RescoreFactor = 10;
    private const int MinRescore = 256;

    private readonly Dictionary<long, MemoryStore.StoredVector> _vectors = [];
    private readonly Lock _gate = new();
    private Signatures? _signatures;

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
            _signatures = null;
        }
    }

    public void Remove(IEnumerable<long> ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _signatures = _vectors.Remove(id) ? null : _signatures;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _vectors.Clear();
            _signatures = null;
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
            if (_vectors.Count > ExactLimit)
            {
                return TopBySignature(query, k);
            }
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

    private List<(long Id, float Score)> TopBySignature(MemoryStore.StoredVector query, int k)
    {
        var signatures = _signatures ??= Signatures.Build(_vectors, query.Values.Length);
        var words = signatures.Words;
        var querySignature = new ulong[words];
        Signatures.Sign(query.Values, querySignature);
        var keep = Math.Max(k * RescoreFactor, MinRescore);
        // Max-heap (by negated priority) of the `keep` smallest distances.
        var closest = new PriorityQueue<int, int>(keep + 1);
        var bits = signatures.Bits;
        for (var i = 0; i < signatures.Ids.Length; i++)
        {
            var distance = 0;
            var row = bits.AsSpan(i * words, words);
            for (var w = 0; w < row.Length; w++)
            {
                distance += System.Numerics.BitOperations.PopCount(row[w] ^ querySignature[w]);
            }
            if (closest.Count < keep)
            {
                closest.Enqueue(i, -distance);
            }
            else if (closest.TryPeek(out _, out var worst) && -distance > worst)
            {
                closest.EnqueueDequeue(i, -distance);
            }
        }
        var scored = new List<(long Id, float Score)>(closest.Count);
        while (closest.TryDequeue(out var i, out _))
        {
            var v = signatures.Vectors[i];
            scored.Add((signatures.Ids[i], QuantizedVector.Cosine(v.Values, v.Scale, query.Values, query.Scale)));
        }
        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scored.Count > k ? scored.GetRange(0, k) : scored;
    }

    /// <summary>The vectors of one dimension count laid out flat, with their sign bits packed 64 to a word.</summary>
    private sealed record Signatures(long[] Ids, MemoryStore.StoredVector[] Vectors, ulong[] Bits, int Words)
    {
        public static Signatures Build(Dictionary<long, MemoryStore.StoredVector> vectors, int dimensions)
        {
            var words = (dimensions + 63) / 64;
            var matching = vectors.Where(v => v.Value.Values.Length == dimensions).ToList();
            var ids = new long[matching.Count];
            var stored = new MemoryStore.StoredVector[matching.Count];
            var bits = new ulong[matching.Count * words];
            for (var i = 0; i < matching.Count; i++)
            {
                ids[i] = matching[i].Key;
                stored[i] = matching[i].Value;
                Sign(stored[i].Values, bits.AsSpan(i * words, words));
            }
            return new Signatures(ids, stored, bits, words);
        }

        public static void Sign(ReadOnlySpan<sbyte> values, Span<ulong> signature)
        {
            signature.Clear();
            for (var d = 0; d < values.Length; d++)
            {
                if (values[d] > 0)
                {
                    signature[d >> 6] |= 1UL << (d & 63);
                }
            }
        }
    }
}
