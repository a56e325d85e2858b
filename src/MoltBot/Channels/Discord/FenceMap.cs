namespace MoltBot.Channels.Discord;

/// <summary>
/// Where the code fences of a text are. A cut position <c>c</c> (between <c>text[c-1]</c> and <c>text[c]</c>) is
/// inside a block from just after the first character of its opening <c>```lang</c> line to just before the end of
/// its closing <c>```</c> line (newline included).
/// </summary>
internal sealed class FenceMap
{
    private readonly List<Block> _blocks = [];

    public static FenceMap Build(string text)
    {
        var map = new FenceMap();
        var lineStart = 0;
        Block? open = null;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd("\r\n");
            if (line.TrimStart(' ').StartsWith("```", StringComparison.Ordinal))
            {
                if (open is null)
                {
                    open = new Block(lineStart, text.Length, lineEnd, text.Length, line.ToString());
                }
                else
                {
                    map._blocks.Add(open with { End = lineEnd, CloserStart = lineStart });
                    open = null;
                }
            }
            lineStart = lineEnd;
        }
        if (open is not null)
        {
            map._blocks.Add(open);
        }
        return map;
    }

    /// <summary>The opening fence line of the block a cut at <paramref name="cut"/> would split, or null outside blocks.</summary>
    public string? OpenerAt(int cut) => Find(cut)?.Opener;

    /// <summary>Length of the whole block (opening to closing line) around <paramref name="cut"/>.</summary>
    public int BlockLengthAt(int cut) => Find(cut) is { } block ? block.End - block.Start : 0;

    /// <summary>Whether a cut would split the opening or closing fence line itself.</summary>
    public bool IsInsideFenceLine(int cut) =>
        Find(cut) is { } block && (cut < block.OpenerEnd || cut > block.CloserStart);

    private Block? Find(int cut)
    {
        foreach (var block in _blocks)
        {
            if (cut > block.Start && cut < block.End)
            {
                return block;
            }
        }
        return null;
    }

    private sealed record Block(int Start, int End, int OpenerEnd, int CloserStart, string Opener);
}
