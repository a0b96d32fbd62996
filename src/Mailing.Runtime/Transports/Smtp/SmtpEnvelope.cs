namespace Mailing.Transports.Smtp;

/// <summary>
/// Who a message goes from and to in SMTP terms (RFC 5321 §2.3.1): the sender (Sender, else From) and every To, Cc and Bcc
/// address once. Bcc travels only here; the header never carries it.
/// </summary>
internal sealed class SmtpEnvelope
{
    // Few recipients are compared pairwise; a long Bcc list gets a set.
    private const int PairwiseLimit = 16;

    private SmtpEnvelope(EmailAddress sender, EmailAddress[] recipients, EmailMessage message)
    {
        Sender = sender;
        Recipients = recipients;
        Inspect(sender);
        foreach (var recipient in recipients)
        {
            Inspect(recipient);
        }

        // Addresses only in headers travel in UTF-8 too (RFC 6532): a UTF-8 From behind a Sender, or Reply-To, needs SMTPUTF8
        // as much as the envelope does.
        if (message.From is { } from)
        {
            Inspect(from);
        }

        foreach (var replyTo in message.ReplyTo)
        {
            Inspect(replyTo);
        }
    }

    public EmailAddress Sender { get; }

    public EmailAddress[] Recipients { get; }

    /// <summary>Whether an address (in the envelope, or only in From or Reply-To) has non-ASCII characters; with SMTPUTF8 they all travel in UTF-8.</summary>
    public bool IsInternational { get; private set; }

    /// <summary>The first address whose local part is not ASCII: only SMTPUTF8 (RFC 6531) can carry it; a domain can go as punycode.</summary>
    public EmailAddress? UnicodeLocalPart { get; private set; }

    /// <exception cref="ArgumentException">The message has no sender or no recipients.</exception>
    public static SmtpEnvelope For(EmailMessage message)
    {
        MimeMessageFactory.ThrowIfNotSendable(message);
        var count = message.To.Count + message.Cc.Count + message.Bcc.Count;
        var recipients = new EmailAddress[count];
        var seen = count > PairwiseLimit ? new HashSet<string>(count, StringComparer.OrdinalIgnoreCase) : null;
        var distinct = 0;
        Add(message.To);
        Add(message.Cc);
        Add(message.Bcc);
        if (distinct < count)
        {
            Array.Resize(ref recipients, distinct);
        }

        return new SmtpEnvelope(message.Sender ?? message.From!, recipients, message);

        void Add(IReadOnlyList<EmailAddress> addresses)
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                var address = addresses[i];
                if (seen is null ? !Contains(recipients, distinct, address.Address) : seen.Add(address.Address))
                {
                    recipients[distinct++] = address;
                }
            }
        }
    }

    private static bool Contains(EmailAddress[] recipients, int count, string address)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(recipients[i].Address, address, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Inspect(EmailAddress address)
    {
        if (System.Text.Ascii.IsValid(address.Address))
        {
            return;
        }

        IsInternational = true;
        if (UnicodeLocalPart is null && !System.Text.Ascii.IsValid(address.Address.AsSpan(0, address.Address.LastIndexOf('@'))))
        {
            UnicodeLocalPart = address;
        }
    }
}
