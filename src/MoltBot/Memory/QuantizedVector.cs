using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MoltBot.Memory;

/// <summary>
/// Embeddings kept as 8 bits per dimension: the vector is L2-normalised, then each value is stored as
/// <c>round(v / scale)</c> in [-127, 127] with <c>scale = max|v| / 127</c>. Cosine similarity of two such vectors is
/// <c>scaleA × scaleB × Σ qA·qB</c>, an integer dot product done with SIMD. A quarter of the memory of floats, and
/// for ranking the error (under 1% of the score) does not matter.
/// </summary>
internal static class QuantizedVector
{
    public static (sbyte[] Values, float Scale) Quantize(ReadOnlySpan<float> vector)
    {
        var norm = 0.0;
        var max = 0f;
        foreach (var v in vector)
        {
            norm += v * (double)v;
            max = Math.Max(max, Math.Abs(v));
        }
        var values = new sbyte[vector.Length];
        if (norm <= 0 || max <= 0)
        {
            return (values, 0f);
        }
        var length = (float)Math.Sqrt(norm);
        var scale = max / length / 127f;
        var inverse = 1f / (scale * length);
        for (var i = 0; i < vector.Length; i++)
        {
            values[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -127, 127);
        }
        return (values, scale);
    }

    /// <summary>Cosine similarity of two quantized vectors of the same length.</summary>
    public static float Cosine(ReadOnlySpan<sbyte> a, float scaleA, ReadOnlySpan<sbyte> b, float scaleB) => Dot(a, b) * scaleA * scaleB;

    /// <summary>Σ a[i]·b[i] exactly (each product fits 15 bits; sums are 32-bit).</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors of different lengths (the embedding model changed?).", nameof(b));
        }
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= 32)
        {
            // vpmaddwd: 16 sign-extended pairs multiplied and added pairwise into 8 ints per step.
            var acc = Vector256<int>.Zero;
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            for (; i <= a.Length - 16; i += 16)
            {
                var va = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref ra, (nuint)i));
                var vb = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rb, (nuint)i));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(va, vb));
            }
            sum = Vector256.Sum(acc);
        }
        else if (Vector.IsHardwareAccelerated && a.Length >= Vector<sbyte>.Count)
        {
            var acc = Vector<int>.Zero;
            var va = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(a);
            var vb = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(b);
            for (var v = 0; v < va.Length; v++)
            {
                Vector.Widen(va[v], out var aLow, out var aHigh);
                Vector.Widen(vb[v], out var bLow, out var bHigh);
                acc += WidenedProduct(aLow, bLow) + WidenedProduct(aHigh, bHigh);
            }
            sum = Vector.Sum(acc);
            i = va.Length * Vector<sbyte>.Count;
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Vector<int> WidenedProduct(Vector<short> a, Vector<short> b)
    {
        Vector.Widen(a * b, out var low, out var high);
        return low + high;
    }
}
