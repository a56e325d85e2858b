namespace MoltBot.Channels.Telegram;

/// <summary>
/// Cuts a reply into Telegram messages of at most <see cref="MaxLength"/> characters, preferring (in order) a paragraph
/// break, a line break, the end of a sentence, then a space, and never splitting a surrogate pair.
/// </summary>
internal static class TelegramMessageSplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest[..maxLength]);
            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
            {
                parts.Add(part.ToString());
            }
            rest = rest[cut..].TrimStart();
        }
        if (!rest.IsEmpty)
        {
            parts.Add(rest.ToString());
        }
        return parts;
    }

    /// <summary>Where to end the first part: just after the best boundary in <paramref name="window"/>.</summary>
    private static int FindCut(ReadOnlySpan<char> window)
    {
        var half = window.Length / 2;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= half)
        {
            return paragraph + 2;
        }
        var line = window.LastIndexOf('\n');
        if (line >= half)
        {
            return line + 1;
        }
        var sentence = Math.Max(window.LastIndexOf(". "), Math.Max(window.LastIndexOf("! "), window.LastIndexOf("? ")));
        if (sentence >= half)
        {
            return sentence + 2;
        }
        var space = window.LastIndexOfAny(' ', '\t');
        if (space > 0)
        {
            return space + 1;
        }
        var hard = window.Length;
        return char.IsHighSurrogate(window[hard - 1]) ? hard - 1 : hard;
    }
}
