namespace MoltBot.Channels.Discord;

/// <summary>
/// Splits a reply into Discord messages of at most <see cref="MaxLength"/> characters. Cuts prefer, in order, a
/// paragraph break, a line break, the end of a sentence, a space; a hard cut is the last resort. Cuts stay outside
/// code fences unless a single code block cannot fit in one message: then the block is cut at a line break (or hard),
/// the chunk is closed with <c>```</c> and the next one re-opens the fence with the same language tag.
/// Nothing else is added, removed or trimmed: concatenating the chunks minus those fence lines gives the input back.
/// </summary>
internal static class DiscordMessageSplitter
{
    public const int MaxLength = 2000;

    private const string Fence = "```";

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength) =>
        [.. SplitDetailed(text, maxLength).Select(c => c.Text)];

    /// <summary>The chunks with how many characters of each were added (re-opened fence prefix, closing fence suffix).</summary>
    internal static IReadOnlyList<DiscordMessageChunk> SplitDetailed(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var chunks = new List<DiscordMessageChunk>();
        if (text.Length == 0)
        {
            return chunks;
        }
        var fences = FenceMap.Build(text);
        var position = 0;
        string? reopen = null;
        while (position < text.Length)
        {
            var prefix = reopen is null ? "" : reopen + "\n";
            if (prefix.Length + (text.Length - position) <= maxLength)
            {
                chunks.Add(new DiscordMessageChunk(prefix + text[position..], prefix.Length, 0));
                break;
            }
            var cut = ChooseCut(text, fences, position, maxLength - prefix.Length, maxLength);
            var body = text[position..cut];
            var openAtCut = fences.OpenerAt(cut);
            var suffix = openAtCut is null ? "" : (body.EndsWith('\n') ? Fence : "\n" + Fence);
            chunks.Add(new DiscordMessageChunk(prefix + body + suffix, prefix.Length, suffix.Length));
            // A fence line too long to repeat is not re-opened (the code then continues as plain text).
            reopen = openAtCut is not null && openAtCut.Length + 1 + 4 < maxLength / 2 ? openAtCut : null;
            position = cut;
        }
        return chunks;
    }

    private static int ChooseCut(string text, FenceMap fences, int start, int budget, int maxLength)
    {
        var end = Math.Min(text.Length, start + budget);
        foreach (var level in (ReadOnlySpan<CutLevel>)[CutLevel.Paragraph, CutLevel.Line, CutLevel.Sentence, CutLevel.Word])
        {
            for (var cut = end; cut > start; cut--)
            {
                if (IsBoundary(text, cut, level) && Fits(text, fences, start, cut, budget, maxLength, level))
                {
                    return cut;
                }
            }
        }
        // Hard cut: the longest piece that fits with its closing fence, never between a surrogate pair, never inside a fence line.
        for (var cut = end; cut > start; cut--)
        {
            var size = cut - start + (fences.OpenerAt(cut) is null ? 0 : Fence.Length + 1);
            if (size <= budget && !char.IsHighSurrogate(text[cut - 1]) && !fences.IsInsideFenceLine(cut))
            {
                return cut;
            }
        }
        return Math.Min(end, start + Math.Max(1, budget - Fence.Length - 1));
    }

    private static bool Fits(string text, FenceMap fences, int start, int cut, int budget, int maxLength, CutLevel level)
    {
        if (fences.OpenerAt(cut) is null)
        {
            return cut - start <= budget;
        }
        // Inside a code block: only at a line break, and only when the whole block could not fit in one message anyway.
        return level <= CutLevel.Line && fences.BlockLengthAt(cut) + Fence.Length + 1 > maxLength && cut - start + Fence.Length <= budget;
    }

    private static bool IsBoundary(string text, int cut, CutLevel level)
    {
        var last = text[cut - 1];
        return level switch
        {
            CutLevel.Paragraph => last == '\n' && cut >= 2 && text[cut - 2] == '\n',
            CutLevel.Line => last == '\n',
            CutLevel.Sentence => last is ' ' or '\t' && cut >= 2 && text[cut - 2] is '.' or '!' or '?',
            _ => last is ' ' or '\t' or '\n',
        };
    }

    private enum CutLevel
    {
        Paragraph,
        Line,
        Sentence,
        Word,
    }
}
