using System.Diagnostics;

namespace MoltBot.LoadDriver;

/// <summary>
/// A fixed piece of single-threaded work, timed: sorting the same million integers. On the shared development VMs the
/// host's speed moved the CPU time per message of the same binary by more than half between runs (1.04 to 1.69 ms),
/// so every report states how fast the machine was at its start and end (lower is faster), and runs can be compared
/// with that in mind.
/// </summary>
internal static class HostSpeed
{
    private const int Items = 1_000_000;

    /// <summary>The median of five sorts, in milliseconds.</summary>
    public static double MeasureMs()
    {
        var source = new int[Items];
        var random = new Random(20261207);
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = random.Next();
        }
        var work = new int[Items];
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            source.CopyTo(work, 0);
            var started = Stopwatch.GetTimestamp();
            Array.Sort(work);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Stats(times).P50;
    }
}
