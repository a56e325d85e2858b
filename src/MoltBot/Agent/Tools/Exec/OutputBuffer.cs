using System.Text;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// Bounded capture of a command's stdout + stderr: keeps the first <c>headCapacity</c> bytes and the last
/// <c>tailCapacity</c> bytes, counts what fell in between. Thread-safe (both pipes write into it).
/// </summary>
internal sealed class OutputBuffer(int headCapacity, int tailCapacity)
{
    private readonly Lock _gate = new();
    private readonly byte[] _head = new byte[headCapacity];
    private readonly byte[] _tail = new byte[tailCapacity];
    private int _headLength;
    private long _tailWritten;

    /// <summary>Bytes written so far, kept or not.</summary>
    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _headLength + _tailWritten;
            }
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            var toHead = Math.Min(data.Length, _head.Length - _headLength);
            data[..toHead].CopyTo(_head.AsSpan(_headLength));
            _headLength += toHead;
            foreach (var b in data[toHead..])
            {
                if (_tail.Length == 0)
                {
                    _tailWritten++;
                    continue;
                }
                _tail[(int)(_tailWritten++ % _tail.Length)] = b;
            }
        }
    }

    /// <summary>Everything kept, with a note where bytes were dropped.</summary>
    public string Text() => Read(0, int.MaxValue, out _);

    /// <summary>
    /// The kept output from byte <paramref name="offset"/> on (at most <paramref name="maxBytes"/>), for polling;
    /// <paramref name="next"/> is where the next read continues.
    /// </summary>
    public string Read(long offset, int maxBytes, out long next)
    {
        lock (_gate)
        {
            var total = _headLength + _tailWritten;
            var tailStart = Math.Max(_headLength, total - Math.Min(_tailWritten, _tail.Length));
            var text = new StringBuilder();
            var bytes = new List<byte>();
            var position = Math.Max(offset, 0);
            if (position < _headLength)
            {
                var count = (int)Math.Min(_headLength - position, maxBytes);
                bytes.AddRange(_head.AsSpan((int)position, count));
                position += count;
            }
            if (position < tailStart && bytes.Count < maxBytes && total > position)
            {
                Flush(text, bytes);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n[... {tailStart - position} bytes of output dropped ...]\n");
                position = tailStart;
            }
            while (position < total && bytes.Count < maxBytes)
            {
                bytes.Add(_tail[(int)((position - _headLength) % _tail.Length)]);
                position++;
            }
            Flush(text, bytes);
            next = position;
            return text.ToString();
        }
    }

    private static void Flush(StringBuilder text, List<byte> bytes)
    {
        text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }
}
