using System.Globalization;
using System.Text;

namespace MoltBot.Configuration.Json5;

internal sealed partial class Json5Parser
{
    private Json5String ParseString()
    {
        var start = _pos;
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt(start, $"unterminated string: expected a closing {quote}");
            }
            var c = _text[_pos++];
            if (c == quote)
            {
                break;
            }
            if (c is '\n' or '\r')
            {
                throw ErrorAt(_pos - 1, $"line break inside a string: close it with {quote} or escape the line break with '\\'");
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (AtEnd)
            {
                throw ErrorAt(start, $"unterminated string: expected a closing {quote}");
            }
            var e = _text[_pos++];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '0' when AtEnd || !char.IsAsciiDigit(Current): sb.Append('\0'); break;
                case 'x': sb.Append((char)ReadHex(2)); break;
                case 'u': sb.Append((char)ReadHex(4)); break;
                case '\r':
                    if (!AtEnd && Current == '\n')
                    {
                        _pos++;
                    }
                    break;
                case '\n' or '\u2028' or '\u2029': break;
                case var d when char.IsAsciiDigit(d): throw ErrorAt(_pos - 2, $"invalid escape '\\{d}' in string");
                default: sb.Append(e); break;
            }
        }
        return Make(start, (s, en, l, col) => new Json5String(s, en, l, col, sb.ToString()));
    }

    private int ReadHex(int digits)
    {
        if (_pos + digits > _text.Length || !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"expected {digits} hex digits in escape sequence");
        }
        _pos += digits;
        return value;
    }

    private Json5Number ParseNumber()
    {
        var start = _pos;
        var negative = false;
        if (Current is '+' or '-')
        {
            negative = Current == '-';
            _pos++;
            if (AtEnd)
            {
                throw Error("expected digits after the sign, found end of input");
            }
            if (IsIdentifierStart(Current))
            {
                var word = ReadIdentifier();
                throw ErrorAt(start, word is "Infinity" or "NaN" ? $"'{word}' is not supported here; use a finite number" : $"expected a number after the sign, found '{word}'");
            }
        }
        if (Current == '0' && _pos + 1 < _text.Length && _text[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (!AtEnd && char.IsAsciiHexDigit(Current))
            {
                _pos++;
            }
            if (_pos == digitsStart || !long.TryParse(_text.AsSpan(digitsStart, _pos - digitsStart), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) || hex < 0)
            {
                throw ErrorAt(start, "invalid hex number: expected 1-15 hex digits after '0x'");
            }
            EnsureNumberEnds();
            var signed = negative ? -hex : hex;
            return Make(start, (s, e, l, c) => new Json5Number(s, e, l, c, signed, signed));
        }
        var integral = true;
        var intDigits = SkipDigits();
        var fracDigits = 0;
        if (!AtEnd && Current == '.')
        {
            integral = false;
            _pos++;
            fracDigits = SkipDigits();
        }
        if (intDigits + fracDigits == 0)
        {
            throw ErrorAt(start, "expected digits in number");
        }
        if (!AtEnd && Current is 'e' or 'E')
        {
            integral = false;
            _pos++;
            if (!AtEnd && Current is '+' or '-')
            {
                _pos++;
            }
            if (SkipDigits() == 0)
            {
                throw Error("expected digits in the exponent");
            }
        }
        EnsureNumberEnds();
        var text = _text.AsSpan(start, _pos - start).TrimStart('+');
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        long? integer = integral && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
        return Make(start, (s, e, ln, c) => new Json5Number(s, e, ln, c, value, integer));
    }

    private int SkipDigits()
    {
        var from = _pos;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _pos++;
        }
        return _pos - from;
    }

    private void EnsureNumberEnds()
    {
        if (!AtEnd && (IsIdentifierPart(Current) || Current == '.'))
        {
            throw Error($"unexpected {Describe()} in number");
        }
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        _pos++;
        while (!AtEnd && IsIdentifierPart(Current))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private static bool IsIdentifierStart(char c) => c is '$' or '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || char.IsAsciiDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation
        || c is '\u200C' or '\u200D';
}
