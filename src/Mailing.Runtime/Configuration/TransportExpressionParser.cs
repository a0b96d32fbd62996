using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Mailing;

/// <summary>
/// Parses <c>Mailing:Transport</c>: a DSN, a transport name, or <c>failover(...)</c> / <c>roundrobin(...)</c> over
/// names, DSNs and nested lists, separated by spaces or commas. Errors never contain a password.
/// </summary>
/// <remarks>
/// Inside a list, a DSN ends at a space, a parenthesis or a comma followed by a space: percent-encode those in passwords
/// (<c>%20</c>, <c>%28</c>, <c>%29</c>); a comma inside a DSN (<c>fallback_ports=587,2525</c>) stays part of it.
/// </remarks>
internal static partial class TransportExpressionParser
{
    /// <summary>Longer than any real configuration; bounds the work hostile input can cause.</summary>
    public const int MaxLength = 4096;

    /// <summary>Lists nest at most this deep.</summary>
    public const int MaxDepth = 8;

    private const string Grammar = "Write a DSN (smtp://user:password@host:587), a name under Mailing:Transports, or failover(a, b) / roundrobin(a, b) over those.";

    public static bool TryParse(string? text, [NotNullWhen(true)] out TransportExpression? expression, [NotNullWhen(false)] out string? error)
    {
        expression = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"It is empty. {Grammar}";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"It is {text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}. {Grammar}";
            return false;
        }

        if (text.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            error = "It contains a line break or NUL character; write it on one line.";
            return false;
        }

        var reader = new Reader(text);
        if (!reader.TryParseExpression(0, out expression, out error))
        {
            error = $"{error} In \"{Redact(text)}\". {Grammar}";
            expression = null;
            return false;
        }

        reader.SkipSpaces();
        if (!reader.AtEnd)
        {
            error = $"Unexpected \"{Redact(reader.Rest)}\" after the transport; a list's items go inside its parentheses. In \"{Redact(text)}\".";
            expression = null;
            return false;
        }

        return true;
    }

    /// <summary>Hides every password in DSN-looking parts of <paramref name="text"/>.</summary>
    public static string Redact(string text) => ApiKeyInDsn().Replace(PasswordInDsn().Replace(text, "${prefix}****@"), "${prefix}****@");

    private static bool IsName(string word) => TransportName().IsMatch(word);

    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.-]*://[^\s:@/()]*:)[^\s()]*@", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordInDsn();

    // Provider API DSNs carry the key as the user part: postmark+api://TOKEN@default, mailgun+api://KEY:DOMAIN@default.
    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9.-]*\+api://)[^\s()/@]+@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyInDsn();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex TransportName();

    private ref struct Reader(string text)
    {
        private readonly string _text = text;
        private int _position;

        public readonly bool AtEnd => _position >= _text.Length;

        public readonly string Rest => _text[_position..];

        public void SkipSpaces()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        public bool TryParseExpression(int depth, [NotNullWhen(true)] out TransportExpression? expression, [NotNullWhen(false)] out string? error)
        {
            expression = null;
            SkipSpaces();
            var word = ReadWord();
            if (word.Length == 0)
            {
                error = AtEnd ? "A transport is missing at the end." : $"Unexpected '{_text[_position]}' where a transport should be.";
                return false;
            }

            if (_position < _text.Length && _text[_position] == '(')
            {
                return TryParseList(word, depth, out expression, out error);
            }

            if (word.Contains("://", StringComparison.Ordinal))
            {
                if (!TransportDsn.TryParse(word, out var dsn, out error))
                {
                    return false;
                }

                expression = new DsnExpression(dsn);
                return true;
            }

            if (!IsName(word))
            {
                error = $"\"{Redact(word)}\" is neither a DSN (scheme://...) nor a transport name (letters, digits, '-', '_', '.').";
                return false;
            }

            expression = new TransportReference(word);
            error = null;
            return true;
        }

        private bool TryParseList(string word, int depth, [NotNullWhen(true)] out TransportExpression? expression, [NotNullWhen(false)] out string? error)
        {
            expression = null;
            TransportListKind kind;
            if (string.Equals(word, "failover", StringComparison.OrdinalIgnoreCase))
            {
                kind = TransportListKind.Failover;
            }
            else if (string.Equals(word, "roundrobin", StringComparison.OrdinalIgnoreCase))
            {
                kind = TransportListKind.RoundRobin;
            }
            else
            {
                error = $"\"{Redact(word)}(\" is not a transport list: use failover(...) or roundrobin(...).";
                return false;
            }

            if (depth + 1 > MaxDepth)
            {
                error = $"Lists nest deeper than {MaxDepth} levels.";
                return false;
            }

            _position++; // '('
            var items = new List<TransportExpression>();
            while (true)
            {
                SkipSpaces();
                if (AtEnd)
                {
                    error = $"{word}( has no closing ')'.";
                    return false;
                }

                if (_text[_position] == ')')
                {
                    _position++;
                    break;
                }

                if (_text[_position] == ',' && items.Count > 0)
                {
                    _position++;
                    continue;
                }

                if (!TryParseExpression(depth + 1, out var item, out error))
                {
                    return false;
                }

                items.Add(item);
            }

            if (items.Count == 0)
            {
                error = $"{word}() names no transport.";
                return false;
            }

            expression = new TransportList(kind, items);
            error = null;
            return true;
        }

        private string ReadWord()
        {
            var start = _position;
            while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not '(' and not ')' && !IsSeparatorComma(start))
            {
                _position++;
            }

            return _text[start.._position];
        }

        /// <summary>
        /// A comma ends a name, and ends a DSN when a space, ')' or the end follows it; otherwise it belongs to
        /// the DSN's query (<c>fallback_ports=587,2525</c>).
        /// </summary>
        private readonly bool IsSeparatorComma(int wordStart)
        {
            if (_text[_position] != ',')
            {
                return false;
            }

            var inDsn = _text.AsSpan(wordStart, _position - wordStart).Contains("://", StringComparison.Ordinal);
            var next = _position + 1;
            return !inDsn || next >= _text.Length || char.IsWhiteSpace(_text[next]) || _text[next] == ')';
        }
    }
}
