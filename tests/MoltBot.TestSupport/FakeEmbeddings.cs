using System.Text;

namespace MoltBot.TestSupport;

/// <summary>
/// Deterministic embeddings for tests and benchmarks: a hashed bag of words (each word, lower-cased, adds ±1 to one of
/// <see cref="Dimensions"/> slots), L2-normalised. Texts that share words are near; <see cref="Synonyms"/> maps words
/// to a common one first, so "automobile" can be near "car" without sharing a keyword — what real embeddings do.
/// </summary>
public sealed class FakeEmbeddings
{
    public int Dimensions { get; init; } = 512;

    /// <summary>Word → the word it counts as (both lower-case).</summary>
    public Dictionary<string, string> Synonyms { get; } = new(StringComparer.Ordinal);

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text))
        {
            var canonical = Synonyms.GetValueOrDefault(word, word);
            var hash = Fnv1a(canonical);
            vector[(int)(hash % (uint)Dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
        return vector;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
