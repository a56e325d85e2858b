namespace MoltBot.Configuration.Json5;

internal sealed partial class Json5Parser
{
    /// <summary>Skips whitespace, <c>// line</c> and <c>/* block */</c> comments.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (IsWhitespace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (!AtEnd && !IsLineTerminator(Current))
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("unterminated block comment: expected '*/'");
                }
                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\uFEFF' or '\u2028' or '\u2029'
        || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator;

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            if (IsLineTerminator(c))
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    private string Describe() =>
        AtEnd ? "end of input"
        : IsLineTerminator(Current) ? "a line break"
        : $"'{Current}'";

    private Json5SyntaxException Error(string message) => ErrorAt(_pos, message);

    private Json5SyntaxException ErrorAt(int offset, string message)
    {
        var (line, column) = LineColumn(offset);
        return new Json5SyntaxException(message, line, column);
    }
}
