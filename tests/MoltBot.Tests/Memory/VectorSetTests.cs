using MoltBot.Memory;

namespace MoltBot.Tests.Memory;

public sealed class VectorSetTests
{
    private static MemoryStore.StoredVector Random(Random random, int dimensions, float[]? around = null)
    {
        var values = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            values[i] = (around?[i] ?? 0) + ((float)random.NextDouble() - 0.5f) * (around is null ? 1f : 0.2f);
        }
        var (q, scale) = QuantizedVector.Quantize(values);
        return new MemoryStore.StoredVector(q, scale);
    }

    [Fact]
    public void Quantized_Cosine_IsCloseToTheFloatCosine()
    {
        var a = new float[] { 1, 2, 3, 4, -5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33 };
        var b = a.Select((v, i) => i % 3 == 0 ? -v : v).ToArray();
        var exact = a.Zip(b, (x, y) => x * y).Sum() / MathF.Sqrt(a.Sum(x => x * x)) / MathF.Sqrt(b.Sum(x => x * x));
        var (qa, sa) = QuantizedVector.Quantize(a);
        var (qb, sb) = QuantizedVector.Quantize(b);

        Assert.InRange(QuantizedVector.Cosine(qa, sa, qb, sb), exact - 0.01f, exact + 0.01f);
        Assert.InRange(QuantizedVector.Cosine(qa, sa, qa, sa), 0.99f, 1.01f);
    }

    [Fact]
    public void Top_PastTheExactLimit_StillFindsTheNearestNeighbours_ThroughTheSignaturePrefilter()
    {
        var random = new Random(1);
        var set = new VectorSet();
        var target = new float[256];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (float)random.NextDouble() - 0.5f;
        }
        for (var id = 0; id < VectorSet.ExactLimit + 5_000; id++)
        {
            set.Set(id, id is 777 or 20_777 ? Random(random, 256, target) : Random(random, 256));
        }

        var top = set.Top(Random(random, 256, target), 3);

        Assert.Equal([777, 20_777], top.Take(2).Select(t => t.Id).Order());
        Assert.True(top[0].Score > 0.9f);
    }
}
