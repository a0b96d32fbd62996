namespace Mailing.Transports.Smtp;

/// <summary>What the server offered in its EHLO reply (RFC 5321 §4.1.1.1), read once per session (and again after STARTTLS).</summary>
internal sealed class SmtpCapabilities
{
    /// <summary>A server that answered HELO, not EHLO: no extensions.</summary>
    public static SmtpCapabilities None { get; } = new([]);

    private SmtpCapabilities(IReadOnlyList<string> authenticationMechanisms) =>
        AuthenticationMechanisms = authenticationMechanisms;

    public bool Pipelining { get; private init; }

    public bool EightBitMime { get; private init; }

    public bool SmtpUtf8 { get; private init; }

    public bool StartTls { get; private init; }

    /// <summary>Whether SIZE (RFC 1870) was offered; then <see cref="MaxSize"/> is its limit, 0 for none stated.</summary>
    public bool Size { get; private init; }

    public long MaxSize { get; private init; }

    /// <summary>The SASL mechanisms after AUTH (or the obsolete AUTH=), upper-cased.</summary>
    public IReadOnlyList<string> AuthenticationMechanisms { get; }

    /// <summary>Reads an EHLO reply's text: the greeting line, then one keyword with parameters per line.</summary>
    public static SmtpCapabilities Parse(string ehloText)
    {
        bool pipelining = false, eightBitMime = false, smtpUtf8 = false, startTls = false, size = false;
        long maxSize = 0;
        var mechanisms = new List<string>();
        foreach (var line in ehloText.Split('\n').Skip(1))
        {
            var parts = line.Split([' ', '='], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            switch (parts[0].ToUpperInvariant())
            {
                case "PIPELINING":
                    pipelining = true;
                    break;
                case "8BITMIME":
                    eightBitMime = true;
                    break;
                case "SMTPUTF8":
                    smtpUtf8 = true;
                    break;
                case "STARTTLS":
                    startTls = true;
                    break;
                case "SIZE":
                    size = true;
                    if (parts.Length > 1 && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit))
                    {
                        maxSize = limit;
                    }

                    break;
                case "AUTH":
                    foreach (var mechanism in parts.Skip(1).Select(m => m.ToUpperInvariant()))
                    {
                        if (!mechanisms.Contains(mechanism))
                        {
                            mechanisms.Add(mechanism);
                        }
                    }

                    break;
            }
        }

        return new SmtpCapabilities(mechanisms)
        {
            Pipelining = pipelining,
            EightBitMime = eightBitMime,
            SmtpUtf8 = smtpUtf8,
            StartTls = startTls,
            Size = size,
            MaxSize = maxSize,
        };
    }
}
