using MoltBot.Hosting;

namespace MoltBot.Tests.Hosting;

/// <summary>The gateway's log output: written in order by a thread of its own, never blocking or failing a caller.</summary>
public sealed class BackgroundLineWriterTests
{
    [Fact]
    public void Lines_ReachTheOutputInOrder_ByFlush()
    {
        using var inner = new StringWriter();
        using var writer = new BackgroundLineWriter(inner);

        for (var i = 0; i < 1_000; i++)
        {
            writer.WriteLine($"line {i}");
        }
        writer.Write("no newline");
        writer.Flush();

        var expected = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"line {i}{inner.NewLine}")) + "no newline";
        Assert.Equal(expected, inner.ToString());
    }

    [Fact]
    public void StalledOutput_NeitherBlocksNorFailsTheCaller_AndTheDropsAreReported()
    {
        using var inner = new StalledWriter();
        using var writer = new BackgroundLineWriter(inner);
        writer.WriteLine("first");
        inner.Entered.Wait(TestContext.Current.CancellationToken); // the output thread is stuck writing "first"

        for (var i = 0; i < BackgroundLineWriter.Capacity + 3; i++)
        {
            writer.WriteLine($"line {i}"); // returns at once although nothing is being written
        }
        inner.Release.Set();
        writer.Flush();

        var text = inner.ToString();
        Assert.StartsWith("first", text, StringComparison.Ordinal);
        Assert.Contains($"line {BackgroundLineWriter.Capacity - 1}{inner.NewLine}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"line {BackgroundLineWriter.Capacity}{inner.NewLine}", text, StringComparison.Ordinal);
        Assert.Contains($"[logging] warn: 3 log line(s) dropped: the log output was not being read fast enough{inner.NewLine}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosedOutput_LosesTheText_NotTheCaller()
    {
        var inner = new StringWriter();
        inner.Dispose();
        using var writer = new BackgroundLineWriter(inner);

        writer.WriteLine("into a closed pipe");
        writer.Flush();
        writer.WriteLine("and again");
        writer.Flush();
    }

    [Fact]
    public void Dispose_WritesWhatIsQueued()
    {
        using var inner = new StringWriter();
        var writer = new BackgroundLineWriter(inner);
        writer.WriteLine("last words");

        writer.Dispose();

        Assert.Equal("last words" + inner.NewLine, inner.ToString());
    }

    /// <summary>Blocks its first write until released, as a full pipe would.</summary>
    private sealed class StalledWriter : StringWriter
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void Write(string? value)
        {
            Entered.Set();
            Release.Wait();
            base.Write(value);
        }

        protected override void Dispose(bool disposing)
        {
            Release.Set();
            base.Dispose(disposing);
        }
    }
}
