using System.Text;

namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>
/// Writes markdown (or plain text) from a walk over HTML: collapses whitespace like a browser, keeps blank lines
/// between blocks, and prefixes continuation lines for lists and quotes.
/// </summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _out = new();
    private readonly List<string> _prefixes = [];
    private bool _atLineStart = true;
    private bool _pendingSpace;
    private bool _afterMarker;
    private int _trailingNewlines = 2;

    /// <summary>Text as a browser shows it: runs of whitespace become one space.</summary>
    public void Text(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = !_atLineStart && !_afterMarker;
                continue;
            }
            Append(c);
        }
    }

    /// <summary>Markup written as is (<c>**</c>, <c>[text](url)</c>), after any pending space.</summary>
    public void Raw(string text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    public void Space() => _pendingSpace = !_atLineStart && !_afterMarker;

    /// <summary>A list marker: the item's first line; the following lines are indented by its width.</summary>
    public void Marker(string marker)
    {
        Line();
        Raw(marker);
        _afterMarker = true;
        _prefixes.Add(new string(' ', marker.Length));
    }

    public void EndMarker()
    {
        _prefixes.RemoveAt(_prefixes.Count - 1);
        _afterMarker = false;
        Line();
    }

    public void PushPrefix(string prefix) => _prefixes.Add(prefix);

    public void PopPrefix() => _prefixes.RemoveAt(_prefixes.Count - 1);

    /// <summary>Ends the current line, if anything is on it.</summary>
    public void Line()
    {
        _pendingSpace = false;
        if (_afterMarker || _atLineStart)
        {
            return;
        }
        _out.Append('\n');
        _atLineStart = true;
        _trailingNewlines = 1;
    }

    /// <summary>Ends the current block with an empty line.</summary>
    public void BlankLine()
    {
        Line();
        if (_afterMarker || _trailingNewlines >= 2)
        {
            return;
        }
        _out.Append('\n');
        _trailingNewlines = 2;
    }

    /// <summary>Lines written verbatim (code blocks), each with the current prefix.</summary>
    public void Preformatted(string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Trim('\n').Split('\n'))
        {
            Line();
            StartLine();
            _out.Append(line.TrimEnd());
            _atLineStart = false;
            Line();
        }
    }

    public override string ToString()
    {
        var lines = _out.ToString().Split('\n').Select(l => l.TrimEnd());
        var text = string.Join('\n', lines);
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }
        return text.Trim('\n');
    }

    private void Append(char c)
    {
        if (_pendingSpace && !_atLineStart)
        {
            _out.Append(' ');
        }
        _pendingSpace = false;
        StartLine();
        _afterMarker = false;
        _out.Append(c);
        _trailingNewlines = 0;
    }

    private void StartLine()
    {
        if (!_atLineStart)
        {
            return;
        }
        foreach (var prefix in _prefixes)
        {
            _out.Append(prefix);
        }
        _atLineStart = false;
    }
}
