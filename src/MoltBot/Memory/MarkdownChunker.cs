using MoltBot.Agent;

namespace MoltBot.Memory;

/// <summary>
/// Cuts a file into chunks of about <c>tokens</c> tokens (counted the way <see cref="TokenEstimator"/> does), on line
/// boundaries, each starting with the last <c>overlap</c> tokens of the previous one so a fact on a boundary is
/// found whole. A line longer than a chunk is split into pieces that share its line number.
/// </summary>
internal static class MarkdownChunker
{
    public static IReadOnlyList<MemoryChunk> Chunk(string text, int tokens, int overlap)
    {
        var maxChars = Math.Max(1, tokens) * TokenEstimator.CharsPerToken;
        var overlapChars = Math.Clamp(overlap, 0, tokens / 2) * TokenEstimator.CharsPerToken;
        var lines = new List<(int Number, string Text)>();
        var number = 0;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            for (var start = 0; start == 0 || start < line.Length; start += maxChars)
            {
                lines.Add((number, line.Length <= maxChars ? line : line.Substring(start, Math.Min(maxChars, line.Length - start))));
                if (line.Length <= maxChars)
                {
                    break;
                }
            }
        }
        while (lines.Count > 0 && lines[^1].Text.Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var chunks = new List<MemoryChunk>();
        var first = 0;
        while (first < lines.Count)
        {
            var chars = 0;
            var end = first;
            while (end < lines.Count && (end == first || chars + lines[end].Text.Length + 1 <= maxChars))
            {
                chars += lines[end].Text.Length + 1;
                end++;
            }
            var body = string.Join('\n', lines.Skip(first).Take(end - first).Select(l => l.Text));
            if (body.Trim().Length > 0)
            {
                chunks.Add(new MemoryChunk(lines[first].Number, lines[end - 1].Number, body));
            }
            if (end >= lines.Count)
            {
                break;
            }
            // Step back over the last lines worth `overlap` tokens, but always move forward.
            var next = end;
            var carried = 0;
            while (next - 1 > first && carried + lines[next - 1].Text.Length + 1 <= overlapChars)
            {
                next--;
                carried += lines[next].Text.Length + 1;
            }
            first = next;
        }
        return chunks;
    }
}
