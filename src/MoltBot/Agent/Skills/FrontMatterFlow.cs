using System.Text;

namespace MoltBot.Agent.Skills;

/// <summary>
/// Flow values in front matter: <c>{a: 1, "b": [x, "y"]}</c>. Accepts JSON, JSON5-ish trailing commas and YAML's
/// unquoted scalars, which is what OpenClaw skills write in <c>metadata</c>. Values are strings, lists and maps.
/// </summary>
internal sealed class FrontMatterFlow(string text, int firstLine)
{
    private int _position;

    public static object? Parse(string text, int firstLine)
    {
        var parser = new FrontMatterFlow(text, firstLine);
        var value = parser.Value();
        parser.SkipSpace();
        if (parser._position < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position]}' after the value");
        }
        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (_position >= text.Length)
        {
            throw Error("the value ends too early");
        }
        return text[_position] switch
        {
            '{' => Map(),
            '[' => List(),
            '"' or '\'' => Quoted(),
            _ => Plain(stopAtColon: false),
        };
    }

    private Dictionary<string, object?> Map()
    {
        _position++;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _position++;
                return map;
            }
            var key = Peek() is '"' or '\'' ? Quoted() : Plain(stopAtColon: true);
            SkipSpace();
            if (Peek() != ':')
            {
                throw Error($"expected ':' after key '{key}'");
            }
            _position++;
            map[key] = Value();
            SkipSpace();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}' in a map");
            }
        }
    }

    private List<object?> List()
    {
        _position++;
        var list = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ']')
            {
                _position++;
                return list;
            }
            list.Add(Value());
            SkipSpace();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw Error("expected ',' or ']' in a list");
            }
        }
    }

    private string Quoted()
    {
        var quote = text[_position++];
        var value = new StringBuilder();
        while (_position < text.Length && text[_position] != quote)
        {
            var c = text[_position++];
            if (c == '\\' && quote == '"' && _position < text.Length)
            {
                var escaped = text[_position++];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                continue;
            }
            if (c == '\'' && quote == '\'' && Peek(1) == '\'')
            {
                _position++;
            }
            value.Append(c);
        }
        if (_position >= text.Length)
        {
            throw Error("a quoted string is not closed");
        }
        _position++;
        return value.ToString();
    }

    private string Plain(bool stopAtColon)
    {
        var start = _position;
        while (_position < text.Length && text[_position] is not (',' or ']' or '}' or '\n') && !(stopAtColon && text[_position] == ':'))
        {
            _position++;
        }
        var value = text[start.._position].Trim();
        if (value.Length == 0)
        {
            throw Error("expected a value");
        }
        return value;
    }

    private char Peek(int ahead = 0) => _position + ahead < text.Length ? text[_position + ahead] : '\0';

    private void SkipSpace()
    {
        while (_position < text.Length)
        {
            if (char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
            else if (text[_position] == '#' || (text[_position] == '/' && Peek(1) == '/'))
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private SkillFormatException Error(string message)
    {
        var line = firstLine + text.AsSpan(0, Math.Min(_position, text.Length)).Count('\n');
        return new SkillFormatException(line, $"in the {{...}}/[...] value: {message}");
    }
}
