using System.Collections.Concurrent;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>The last few lines a stdio server wrote to stderr, kept to explain why it failed.</summary>
internal sealed class StderrTail
{
    private const int MaxLines = 5;
    private const int MaxLineLength = 300;
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        _lines.Enqueue(line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…");
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _))
        {
        }
    }

    /// <summary><c>; stderr: a | b</c>, or empty when the server wrote nothing.</summary>
    public string Describe() => _lines.IsEmpty ? "" : "; stderr: " + string.Join(" | ", _lines);
}
