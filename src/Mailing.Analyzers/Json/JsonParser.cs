using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Json;

/// <summary>
/// Parses JSON the way ASP.NET Core's configuration reads appsettings.json (comments and
/// trailing commas allowed) and keeps every value's position.
/// </summary>
/// <remarks>
/// Hand-written rather than System.Text.Json: an analyzer that depends on System.Text.Json
/// must ship it and its five dependencies beside itself, and Visual Studio's .NET Framework
/// host is known to fail loading them (roslyn#80811). Configuration files are small, so a
/// few hundred lines that track positions directly are the cheaper and safer choice.
/// </remarks>
internal sealed class JsonParser
{
    // Deeper nesting than this is not configuration; bail out instead of risking the stack.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonParser(string text) => _text = text;

    /// <summary>Returns the root value, or null when the text is not valid JSON.</summary>
    public static JsonValue? TryParse(string text)
    {
        var parser = new JsonParser(text);
        try
        {
            var root = parser.ParseValue(depth: 0);
            parser.SkipTrivia();
            return parser._position == text.Length ? root : null;
        }
        catch (JsonSyntaxException)
        {
            return null;
        }
    }

    private JsonValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException();
        }

        SkipTrivia();
        if (_position >= _text.Length)
        {
            throw new JsonSyntaxException();
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return ParseString();
            case 't':
                return ParseKeyword("true", JsonValueKind.True);
            case 'f':
                return ParseKeyword("false", JsonValueKind.False);
            case 'n':
                return ParseKeyword("null", JsonValueKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonSyntaxException();
        }
    }

    private JsonValue ParseObject(int depth)
    {
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new JsonValue(JsonValueKind.Object, TextSpan.FromBounds(start, _position), null, properties);
            }

            if (Peek() != '"')
            {
                throw new JsonSyntaxException();
            }

            var name = ParseString().Text!;
            SkipTrivia();
            Expect(':');
            var value = ParseValue(depth + 1);
            properties.Add(new JsonProperty(name, value));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw new JsonSyntaxException();
            }
        }
    }

    private JsonValue ParseArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return new JsonValue(JsonValueKind.Array, TextSpan.FromBounds(start, _position), null, items);
            }

            // Configuration addresses array items by index ("Servers:0:Port"), so they are kept as properties.
            items.Add(new JsonProperty(items.Count.ToString(CultureInfo.InvariantCulture), ParseValue(depth + 1)));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw new JsonSyntaxException();
            }
        }
    }

    private JsonValue ParseString()
    {
        var start = _position++;
        StringBuilder? builder = null;
        var segmentStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException();
            }

            var c = _text[_position];
            if (c == '"')
            {
                string value;
                if (builder is null)
                {
                    value = _text.Substring(segmentStart, _position - segmentStart);
                }
                else
                {
                    builder.Append(_text, segmentStart, _position - segmentStart);
                    value = builder.ToString();
                }

                _position++;
                return new JsonValue(JsonValueKind.String, TextSpan.FromBounds(start, _position), value) { IsVerbatim = builder is null };
            }

            if (c == '\n' || c == '\r')
            {
                throw new JsonSyntaxException();
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, segmentStart, _position - segmentStart);
            _position++;
            var escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonSyntaxException();
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException();
            }

            segmentStart = _position;
        }
    }

    private JsonValue ParseNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        var text = _text.Substring(start, _position - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new JsonSyntaxException();
        }

        return new JsonValue(JsonValueKind.Number, TextSpan.FromBounds(start, _position), text);
    }

    private JsonValue ParseKeyword(string keyword, JsonValueKind kind)
    {
        if (string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) != 0)
        {
            throw new JsonSyntaxException();
        }

        var start = _position;
        _position += keyword.Length;
        return new JsonValue(kind, TextSpan.FromBounds(start, _position), null);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonSyntaxException();
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new JsonSyntaxException();
        }

        _position++;
    }
}
