using Microsoft.Extensions.AI;

namespace MoltBot.Memory;

/// <summary>The embeddings provider the memory index uses, and where it comes from (for logs and <c>doctor</c>-style messages).</summary>
/// <param name="Model">Stored with each embedding: a different model means re-embedding.</param>
internal sealed record MemoryEmbedder(IEmbeddingGenerator<string, Embedding<float>> Generator, string Model, string Description)
{
    /// <summary>Inputs per <c>/embeddings</c> request.</summary>
    public const int BatchSize = 64;

    public async Task<IReadOnlyList<MemoryStore.StoredVector>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var result = new List<MemoryStore.StoredVector>(texts.Count);
        for (var i = 0; i < texts.Count; i += BatchSize)
        {
            var batch = texts.Skip(i).Take(BatchSize).ToList();
            var embeddings = await Generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Count)
            {
                throw new InvalidOperationException($"The embeddings endpoint returned {embeddings.Count} vectors for {batch.Count} inputs.");
            }
            foreach (var embedding in embeddings)
            {
                var (values, scale) = QuantizedVector.Quantize(embedding.Vector.Span);
                result.Add(new MemoryStore.StoredVector(values, scale));
            }
        }
        return result;
    }
}
