using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Mailing;

/// <summary>
/// Writes header fields as RFC 5322 and RFC 2047/2231 want them: folded at whitespace before 78 columns, text outside
/// printable ASCII as <c>=?utf-8?b?...?=</c> encoded words, parameters with non-ASCII or long values in RFC 2231 form.
/// </summary>
/// <remarks>
/// The output is 7-bit ASCII except a UTF-8 local part of an address, which cannot be encoded (RFC 6532; the transport
/// asks the server for SMTPUTF8). A value that merely looks like an encoded word is encoded whole, so a receiver cannot
/// decode it into other text (<see cref="EncodedWordLookalikeEncoder"/>).
/// </remarks>
internal struct MimeHeaderWriter(IBufferWriter<byte> output)
{
    // RFC 5322 §2.1.1: lines SHOULD be at most 78 characters and MUST be at most 998.
    private const int FoldAt = 78;
    private const int LongestUnfoldableWord = 900;

    // RFC 2047 §2: "=?utf-8?b?" + 60 base64 characters + "?=" is 72 characters, under the 75 an encoded word may have.
    private const int MaxBytesPerEncodedWord = 45;

    // RFC 2231 continuations: each section of a long parameter value stays short enough for one folded line.
    private const int MaxParameterSection = 60;

    private static readonly SearchValues<char> AtomTextOrSpace = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ");

    // RFC 2045 token: printable ASCII except space and tspecials.
    private static readonly SearchValues<char> TokenText = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~");

    // RFC 2231 attribute-char (RFC 5987 attr-char): what may stay unescaped in an extended parameter value.
    private static readonly SearchValues<byte> AttributeChar = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~"u8);

    private static ReadOnlySpan<byte> EncodedWordStart => "=?utf-8?b?"u8;

    private readonly IBufferWriter<byte> _output = output;
    private int _column;
    private int _valueStart;

    /// <summary>A field whose value is ASCII and needs no folding: <c>MIME-Version: 1.0</c>.</summary>
    public void WriteAscii(string name, string value)
    {
        StartField(name);
        WriteRaw(" ");
        WriteRaw(value);
        EndField();
    }

    /// <summary><c>Message-Id: &lt;id&gt;</c> and the like.</summary>
    public void WriteAngleBracketed(string name, string value)
    {
        StartField(name);
        WriteRaw(" <");
        WriteRaw(value);
        WriteRaw(">");
        EndField();
    }

    /// <summary><c>Date: Mon, 07 Dec 2026 18:59:31 +0000</c> (RFC 5322 §3.3).</summary>
    public void WriteDate(string name, DateTimeOffset date)
    {
        StartField(name);
        Span<byte> text = stackalloc byte[32];
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        var written = 0;
        " "u8.CopyTo(text);
        written++;
        "SunMonTueWedThuFriSat"u8.Slice((int)date.DayOfWeek * 3, 3).CopyTo(text[written..]);
        written += 3;
        text[written++] = (byte)',';
        text[written++] = (byte)' ';
        written += TwoDigits(date.Day, text[written..]);
        text[written++] = (byte)' ';
        "JanFebMarAprMayJunJulAugSepOctNovDec"u8.Slice((date.Month - 1) * 3, 3).CopyTo(text[written..]);
        written += 3;
        text[written++] = (byte)' ';
        Utf8Formatter.TryFormat(date.Year, text[written..], out var yearLength, new StandardFormat('D', 4));
        written += yearLength;
        text[written++] = (byte)' ';
        written += TwoDigits(date.Hour, text[written..]);
        text[written++] = (byte)':';
        written += TwoDigits(date.Minute, text[written..]);
        text[written++] = (byte)':';
        written += TwoDigits(date.Second, text[written..]);
        text[written++] = (byte)' ';
        text[written++] = (byte)sign;
        written += TwoDigits(offset.Hours, text[written..]);
        written += TwoDigits(offset.Minutes, text[written..]);
        WriteRaw(text[..written]);
        EndField();
    }

    /// <summary>Free text (RFC 5322 <c>unstructured</c>): Subject, custom headers, provider headers.</summary>
    public void WriteUnstructured(string name, string value)
    {
        StartField(name);
        if (EncodedWordLookalikeEncoder.NeedsEncoding(value))
        {
            WriteEncodedWords(value, firstIsPiece: true);
            EndField();
            return;
        }

        WriteRaw(" ");
        var text = value.AsSpan();
        var position = 0;
        while (position < text.Length)
        {
            var whitespace = CountWhitespace(text[position..]);
            var wordStart = position + whitespace;
            var wordLength = CountWord(text[wordStart..]);
            if (wordLength == 0)
            {
                // Trailing whitespace: kept, though receivers trim it.
                WriteRaw(text[position..]);
                break;
            }

            if (!NeedsEncoding(text.Slice(wordStart, wordLength)))
            {
                WriteSegment(text.Slice(position, whitespace), text.Slice(wordStart, wordLength));
                position = wordStart + wordLength;
                continue;
            }

            // Neighbouring words that need encoding go into one run, the whitespace between them inside it: whitespace
            // between two encoded words is dropped when they are decoded (RFC 2047 §6.2).
            var runEnd = wordStart + wordLength;
            while (runEnd < text.Length)
            {
                var gap = CountWhitespace(text[runEnd..]);
                var next = CountWord(text[(runEnd + gap)..]);
                if (next == 0 || !NeedsEncoding(text.Slice(runEnd + gap, next)))
                {
                    break;
                }

                runEnd += gap + next;
            }

            FoldIfNeeded(whitespace, Math.Min(EncodedWordLength(text[wordStart..runEnd]), FoldAt));
            WriteRaw(text.Slice(position, whitespace));
            WriteEncodedWords(text[wordStart..runEnd], firstIsPiece: false);
            position = runEnd;
        }

        EndField();
    }

    /// <summary>An address list: <c>To: "Smith, Ann" &lt;ann@example.com&gt;, =?utf-8?b?...?= &lt;zoe@example.com&gt;</c>.</summary>
    public void WriteAddresses(string name, IReadOnlyList<EmailAddress> addresses)
    {
        StartField(name);
        for (var i = 0; i < addresses.Count; i++)
        {
            if (i > 0)
            {
                WriteRaw(",");
            }

            WriteMailbox(addresses[i]);
        }

        EndField();
    }

    /// <summary>One mailbox: <c>From: Shop &lt;shop@example.com&gt;</c>.</summary>
    public void WriteAddress(string name, EmailAddress address)
    {
        StartField(name);
        WriteMailbox(address);
        EndField();
    }

    /// <summary><c>Content-Type: text/plain; charset=utf-8</c>, <c>Content-Disposition: attachment; filename=...</c>.</summary>
    public void WriteStartOfParameterized(string name, string value)
    {
        StartField(name);
        WriteRaw(" ");
        WriteRaw(value);
    }

    /// <summary>Adds a parameter to the field started with <see cref="WriteStartOfParameterized"/>.</summary>
    public void WriteParameter(string name, string value, bool quoteAlways = false)
    {
        var span = value.AsSpan();
        if (!quoteAlways && span.Length > 0 && !span.ContainsAnyExcept(TokenText))
        {
            WriteParameterPiece(name, "=", span, quoted: false);
        }
        else if (Ascii.IsValid(span) && !HasControl(span) && span.Length <= MaxParameterSection)
        {
            WriteParameterPiece(name, "=", span, quoted: true);
        }
        else
        {
            WriteExtendedParameter(name, value);
        }
    }

    /// <summary>Ends a field started with <see cref="WriteStartOfParameterized"/>.</summary>
    public void EndParameterized() => EndField();

    private static int TwoDigits(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
        return 2;
    }

    private static int CountWhitespace(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExcept(' ', '\t');
        return end < 0 ? text.Length : end;
    }

    private static int CountWord(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(' ', '\t');
        return end < 0 ? text.Length : end;
    }

    // Anything outside printable ASCII, and a word too long to fit any folded line.
    private static bool NeedsEncoding(ReadOnlySpan<char> word) =>
        word.Length > LongestUnfoldableWord || word.ContainsAnyExceptInRange('!', '~');

    private static bool HasControl(ReadOnlySpan<char> text) => text.ContainsAnyExceptInRange(' ', '~');

    // The length of the first encoded word a run would start with, for the decision to fold before it.
    private static int EncodedWordLength(ReadOnlySpan<char> text)
    {
        var bytes = Math.Min(Encoding.UTF8.GetByteCount(text), MaxBytesPerEncodedWord);
        return EncodedWordStart.Length + Base64.GetMaxEncodedToUtf8Length(bytes) + 2;
    }

    private void StartField(string name)
    {
        WriteRaw(name);
        WriteRaw(":");
        _valueStart = _column;
    }

    private void EndField()
    {
        WriteRaw("\r\n");
        _column = 0;
    }

    // Folding puts CRLF before whitespace (RFC 5322 §2.2.3), so unfolding gives back exactly the text written.
    private void FoldIfNeeded(int whitespace, int length)
    {
        if (whitespace > 0 && _column > _valueStart + 1 && _column + whitespace + length > FoldAt)
        {
            WriteRaw("\r\n");
            _column = 0;
        }
    }

    private void WriteSegment(ReadOnlySpan<char> whitespace, ReadOnlySpan<char> word)
    {
        FoldIfNeeded(whitespace.Length, word.Length);
        WriteRaw(whitespace);
        WriteRaw(word);
    }

    // A piece preceded by a space, or by a fold when it would not fit on the line.
    private void WritePiece(ReadOnlySpan<byte> piece)
    {
        if (_column > _valueStart + 1 && _column + 1 + piece.Length > FoldAt)
        {
            WriteRaw("\r\n ");
            _column = 1;
        }
        else
        {
            WriteRaw(" ");
        }

        WriteRaw(piece);
    }

    private void WriteMailbox(EmailAddress address)
    {
        if (address.DisplayName is { } displayName)
        {
            WritePhrase(displayName);
        }

        var local = address.Address.AsSpan(0, address.Address.LastIndexOf('@'));
        var domain = address.Domain;
        if (!Ascii.IsValid(domain))
        {
            domain = EmailAddressValidator.ToAsciiDomain(domain);
        }

        var bracketed = address.DisplayName is not null;
        var length = Encoding.UTF8.GetByteCount(local) + 1 + domain.Length + (bracketed ? 2 : 0);
        Span<byte> scratch = stackalloc byte[256];
        var spec = length <= scratch.Length ? scratch[..length] : new byte[length];
        var written = 0;
        if (bracketed)
        {
            spec[written++] = (byte)'<';
        }

        written += Encoding.UTF8.GetBytes(local, spec[written..]);
        spec[written++] = (byte)'@';
        written += Encoding.ASCII.GetBytes(domain, spec[written..]);
        if (bracketed)
        {
            spec[written] = (byte)'>';
        }

        WritePiece(spec);
    }

    // RFC 5322 phrase: atoms as they are, other printable ASCII as a quoted string, anything else as encoded words.
    private void WritePhrase(string displayName)
    {
        var name = displayName.AsSpan();
        if (name.ContainsAnyExceptInRange(' ', '~'))
        {
            WriteEncodedWords(name, firstIsPiece: true);
            return;
        }

        if (IsAtoms(name))
        {
            Span<byte> atom = stackalloc byte[name.Length];
            for (var rest = name; !rest.IsEmpty;)
            {
                var length = CountWord(rest);
                WritePiece(atom[..Encoding.ASCII.GetBytes(rest[..length], atom)]);
                rest = rest[Math.Min(rest.Length, length + 1)..];
            }

            return;
        }

        var quoted = new StringBuilder(name.Length + 8).Append('"');
        foreach (var c in name)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        WritePiece(Encoding.ASCII.GetBytes(quoted.Append('"').ToString()));

        // Atoms separated by single spaces, nothing else: "Help Desk", not "Dr. Who" or "Smith, Ann".
        static bool IsAtoms(ReadOnlySpan<char> name) =>
            name.Length > 0 && name[0] != ' ' && name[^1] != ' '
            && !name.Contains("  ", StringComparison.Ordinal)
            && !name.ContainsAnyExcept(AtomTextOrSpace);
    }

    // Encoded words of at most 45 UTF-8 bytes each, split between code points; each after a space, or a fold.
    // firstIsPiece: the first word, too, goes after a space or a fold; otherwise it follows what the caller wrote.
    private void WriteEncodedWords(ReadOnlySpan<char> text, bool firstIsPiece)
    {
        Span<byte> word = stackalloc byte[MaxBytesPerEncodedWord];
        Span<byte> encoded = stackalloc byte[EncodedWordStart.Length + 60 + 2];
        EncodedWordStart.CopyTo(encoded);
        var length = 0;
        var first = !firstIsPiece;
        var position = 0;
        while (position < text.Length)
        {
            System.Text.Rune.DecodeFromUtf16(text[position..], out var rune, out var consumed);
            position += consumed;
            if (length + rune.Utf8SequenceLength > MaxBytesPerEncodedWord)
            {
                WriteEncodedWord(word[..length], encoded, ref first);
                length = 0;
            }

            length += rune.EncodeToUtf8(word[length..]);
        }

        if (length > 0)
        {
            WriteEncodedWord(word[..length], encoded, ref first);
        }
    }

    // target starts with "=?utf-8?b?" and has room for 60 base64 characters and "?=".
    private void WriteEncodedWord(ReadOnlySpan<byte> bytes, Span<byte> target, ref bool isFirst)
    {
        Base64.EncodeToUtf8(bytes, target[EncodedWordStart.Length..], out _, out var base64Length);
        var end = EncodedWordStart.Length + base64Length;
        target[end++] = (byte)'?';
        target[end++] = (byte)'=';
        if (isFirst)
        {
            WriteRaw(target[..end]);
            isFirst = false;
        }
        else
        {
            WritePiece(target[..end]);
        }
    }

    private void WriteParameterPiece(string name, string separator, ReadOnlySpan<char> value, bool quoted)
    {
        var length = 2 + name.Length + separator.Length + value.Length + (quoted ? 2 + value.Count('"') + value.Count('\\') : 0);
        WriteRaw(";");
        if (_column + length > FoldAt)
        {
            WriteRaw("\r\n\t");
            _column = 1;
        }
        else
        {
            WriteRaw(" ");
        }

        WriteRaw(name);
        WriteRaw(separator);
        if (!quoted)
        {
            WriteRaw(value);
            return;
        }

        WriteRaw("\"");
        for (var rest = value; !rest.IsEmpty;)
        {
            var special = rest.IndexOfAny('"', '\\');
            if (special < 0)
            {
                WriteRaw(rest);
                break;
            }

            WriteRaw(rest[..special]);
            WriteRaw("\\");
            WriteRaw(rest.Slice(special, 1));
            rest = rest[(special + 1)..];
        }

        WriteRaw("\"");
    }

    // RFC 2231: name*=utf-8''percent%20encoded, split into name*0*=, name*1*=, ... sections when long.
    private void WriteExtendedParameter(string name, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        var escaped = new StringBuilder(utf8.Length * 3);
        foreach (var b in utf8)
        {
            if (AttributeChar.Contains(b))
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        const string Charset = "utf-8''";
        var text = escaped.ToString();
        if (Charset.Length + text.Length <= MaxParameterSection)
        {
            WriteParameterPiece(name, "*=", Charset + text, quoted: false);
            return;
        }

        var section = 0;
        var position = 0;
        while (position < text.Length)
        {
            var budget = MaxParameterSection - (section == 0 ? Charset.Length : 0);
            var end = Math.Min(text.Length, position + budget);

            // Never split a %XX escape between two sections.
            if (end < text.Length && text.LastIndexOf('%', end - 1, Math.Min(2, end - position)) is var percent and >= 0)
            {
                end = percent;
            }

            var piece = text[position..end];
            WriteParameterPiece(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}*{section}*"),
                "=",
                section == 0 ? Charset + piece : piece,
                quoted: false);
            position = end;
            section++;
        }
    }

    private void WriteRaw(string text) => WriteRaw(text.AsSpan());

    private void WriteRaw(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        var written = Encoding.UTF8.GetBytes(text, _output.GetSpan(length));
        _output.Advance(written);
        _column += text.Length;
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
        _column += bytes.Length;
    }
}
