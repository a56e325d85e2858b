using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace MoltBot.Hosting;

/// <summary>
/// The gateway's log output: text is queued and written to the inner writer by a thread of its own, in order, a batch
/// per write. A slow or stopped reader of the output (a paused terminal, a full pipe to a log collector) then never
/// stalls a thread that logs, and a message's path pays no write system call for its log line. Under load, lines are
/// written at most every 20 ms, so the output and its reader are woken once per batch, not once per line.
/// </summary>
/// <remarks>
/// At most <see cref="Capacity"/> writes wait; past that, text is dropped and counted, and the count is written as a
/// warning once the output takes text again. <see cref="Flush"/> waits until what was written before it is out (with a
/// time limit); disposing flushes and stops the thread. An output that fails (closed) loses the text, never the gateway.
/// </remarks>
internal sealed class BackgroundLineWriter : TextWriter
{
    public const int Capacity = 10_000;

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CoalesceDelay = TimeSpan.FromMilliseconds(20);

    private readonly TextWriter _inner;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stopping = new();
    private long _queued;
    private long _written;
    private long _dropped;

    public BackgroundLineWriter(TextWriter inner)
    {
        _inner = inner;
        NewLine = inner.NewLine;
        _thread = new Thread(WriteQueued) { IsBackground = true, Name = "moltbot log output" };
        _thread.Start();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Enqueue(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Enqueue(new string(buffer, index, count));

    public override void Write(string? value) => Enqueue(value);

    public override void WriteLine() => Enqueue(NewLine);

    public override void WriteLine(string? value) => Enqueue(value + NewLine);

    /// <summary>Waits (up to a few seconds) until everything written before the call has reached the inner writer.</summary>
    public override void Flush()
    {
        var target = Interlocked.Read(ref _queued);
        SpinWait.SpinUntil(() => Interlocked.Read(ref _written) >= target || !_thread.IsAlive, DrainLimit);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _queue.Writer.TryComplete())
        {
            _stopping.Set();
            _thread.Join(DrainLimit);
        }
        base.Dispose(disposing);
    }

    private void Enqueue(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        // Counted before it is queued, so a Flush after this call waits for it.
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(text))
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
        }
    }

    private void WriteQueued()
    {
        var reader = _queue.Reader;
        var batch = new StringBuilder();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var taken = 0;
            while (batch.Length < 64 * 1024 && reader.TryRead(out var text))
            {
                batch.Append(text);
                taken++;
            }
            if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
            {
                batch.Append(CultureInfo.InvariantCulture, $"[logging] warn: {dropped} log line(s) dropped: the log output was not being read fast enough{NewLine}");
            }
            try
            {
                _inner.Write(batch.ToString());
                _inner.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The output is gone (a closed pipe): the text is lost, the gateway goes on.
            }
            batch.Clear();
            Interlocked.Add(ref _written, taken);
            // Lines that come in the next moment go out together: under load one write (and one wake-up of this thread
            // and of whatever reads the output) per few dozen lines instead of one per line. An idle gateway waits above.
            _stopping.Wait(CoalesceDelay);
        }
    }
}
