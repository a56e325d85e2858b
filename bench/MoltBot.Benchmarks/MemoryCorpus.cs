using Microsoft.Extensions.AI;
using MoltBot.Memory;
using MoltBot.TestSupport;

namespace MoltBot.Benchmarks;

/// <summary>
/// A deterministic synthetic memory: notes of ~100 words drawn Zipf-like from a 20,000-word vocabulary (a few words
/// are everywhere, most are rare, as in real notes), and in-process hashed bag-of-words embeddings, so no network
/// round trip is measured.
/// </summary>
internal static class MemoryCorpus
{
    public const int Vocabulary = 20_000;
    public const int WordsPerChunk = 100;

    private static readonly string[] Words = [.. Enumerable.Range(0, Vocabulary).Select(Word)];

    /// <summary>The words the benchmark queries use: one common, one mid-frequency, one rare.</summary>
    public static string Query => $"{Words[40]} {Words[900]} {Words[7000]}";

    public static string Chunk(Random random)
    {
        var words = new string[WordsPerChunk];
        for (var i = 0; i < words.Length; i++)
        {
            // Inverse-CDF of a 1/x density over [1, Vocabulary]: index = V^u - 1.
            words[i] = Words[Math.Min(Vocabulary - 1, (int)Math.Pow(Vocabulary, random.NextDouble()) - 1)];
        }
        return string.Join(' ', words);
    }

    public static MemoryEmbedder Embedder(int dimensions) =>
        new(new HashedEmbeddingGenerator(new FakeEmbeddings { Dimensions = dimensions }), "bench-" + dimensions, "in-process hashed bag of words");

    private static string Word(int i)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var chars = new char[4 + (i % 5)];
        var n = i * 7919 + 13;
        for (var c = 0; c < chars.Length; c++)
        {
            chars[c] = letters[n % 26];
            n = (n / 26) + (c * 31) + i;
        }
        return new string(chars) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class HashedEmbeddingGenerator(FakeEmbeddings embeddings) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(embeddings.Embed(v)))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
