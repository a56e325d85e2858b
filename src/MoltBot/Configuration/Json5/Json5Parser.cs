namespace MoltBot.Configuration.Json5;

/// <summary>
/// A small JSON5 parser (https://spec.json5.org) that keeps the position of every key and value:
/// comments, trailing commas, unquoted identifier keys, single-quoted strings, hex numbers and a leading <c>+</c>.
/// <c>Infinity</c> and <c>NaN</c> are rejected: no MoltBot setting takes them.
/// </summary>
internal sealed partial class Json5Parser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly int[] _lineStarts;
    private int _pos;
    private int _depth;

    private Json5Parser(string text)
    {
        _text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>Parses one JSON5 value (usually the top-level object) that may be surrounded by whitespace and comments.</summary>
    /// <exception cref="Json5SyntaxException">The text is not valid JSON5.</exception>
    public static Json5Node Parse(string text)
    {
        var parser = new Json5Parser(text);
        parser.SkipTrivia();
        if (parser.AtEnd)
        {
            throw parser.Error("expected a value, found end of input");
        }
        var value = parser.ParseValue();
        parser.SkipTrivia();
        if (!parser.AtEnd)
        {
            throw parser.Error($"expected end of input after the value, found {parser.Describe()}");
        }
        return value;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private Json5Node ParseValue()
    {
        var c = Current;
        return c switch
        {
            '{' => Nested(ParseObject),
            '[' => Nested(ParseArray),
            '"' or '\'' => ParseString(),
            _ when c is '-' or '+' or '.' || char.IsAsciiDigit(c) => ParseNumber(),
            _ when IsIdentifierStart(c) => ParseLiteral(),
            _ => throw Error($"expected a value (object, array, string, number, true, false or null), found {Describe()}"),
        };
    }

    private Json5Node Nested(Func<Json5Node> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }
        var node = parse();
        _depth--;
        return node;
    }

    private Json5Object ParseObject()
    {
        var start = _pos++;
        var members = new List<Json5Member>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("expected a key or '}' to close the object, found end of input");
            }
            if (Current == '}')
            {
                break;
            }
            var (line, column) = LineColumn(_pos);
            var nameStart = _pos;
            var quoted = Current is '"' or '\'';
            var name = quoted ? ParseString().Value
                : IsIdentifierStart(Current) ? ReadIdentifier()
                : throw Error($"expected a key (identifier or quoted string) or '}}', found {Describe()}");
            SkipTrivia();
            Expect(':', $"expected ':' after key '{name}'");
            SkipTrivia();
            if (AtEnd)
            {
                throw Error($"expected a value for key '{name}', found end of input");
            }
            members.Add(new Json5Member(name, nameStart, line, column, quoted, ParseValue()));
            SkipTrivia();
            if (!AtEnd && Current == ',')
            {
                _pos++;
                continue;
            }
            if (AtEnd || Current != '}')
            {
                throw Error($"expected ',' or '}}' after the value of '{name}', found {Describe()}");
            }
        }
        _pos++;
        return Make(start, (s, e, l, c) => new Json5Object(s, e, l, c, members));
    }

    private Json5Array ParseArray()
    {
        var start = _pos++;
        var items = new List<Json5Node>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("expected a value or ']' to close the array, found end of input");
            }
            if (Current == ']')
            {
                break;
            }
            items.Add(ParseValue());
            SkipTrivia();
            if (!AtEnd && Current == ',')
            {
                _pos++;
                continue;
            }
            if (AtEnd || Current != ']')
            {
                throw Error($"expected ',' or ']' after array item {items.Count - 1}, found {Describe()}");
            }
        }
        _pos++;
        return Make(start, (s, e, l, c) => new Json5Array(s, e, l, c, items));
    }

    private Json5Node ParseLiteral()
    {
        var start = _pos;
        var word = ReadIdentifier();
        return word switch
        {
            "true" => Make(start, (s, e, l, c) => new Json5Boolean(s, e, l, c, true)),
            "false" => Make(start, (s, e, l, c) => new Json5Boolean(s, e, l, c, false)),
            "null" => Make(start, (s, e, l, c) => new Json5Null(s, e, l, c)),
            "Infinity" or "NaN" => throw ErrorAt(start, $"'{word}' is not supported here; use a finite number"),
            _ => throw ErrorAt(start, $"expected a value, found '{word}' (strings need quotes)"),
        };
    }

    private T Make<T>(int start, Func<int, int, int, int, T> create)
    {
        var (line, column) = LineColumn(start);
        return create(start, _pos, line, column);
    }

    private void Expect(char c, string message)
    {
        if (AtEnd || Current != c)
        {
            throw Error($"{message}, found {Describe()}");
        }
        _pos++;
    }
}
