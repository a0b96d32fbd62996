namespace Mailing;

/// <summary>
/// The headers a message's kind and unsubscribe target add, as name/value pairs: written into MIME for SMTP, the pickup
/// directory and memory, and into each provider's custom-header field for the HTTP APIs, so bulk mail reads alike
/// whichever transport carries it.
/// </summary>
internal static class UnsubscribeHeaders
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    public const string Precedence = "Precedence";

    // RFC 8058 §3.1: the one value List-Unsubscribe-Post may have, and the body a one-click POST carries.
    public const string OneClick = "List-Unsubscribe=One-Click";

    // RFC 2076 / RFC 3834 §3.1.8: auto-responders (vacation replies) stay silent for Precedence: bulk.
    public const string BulkPrecedence = "bulk";

    /// <summary>
    /// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> for a message with an unsubscribe target, and
    /// <c>Precedence: bulk</c> for bulk mail unless the message sets Precedence itself; nothing for a plain transactional message.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(EmailMessage message)
    {
        if (message.Unsubscribe is null && message.Kind != EmailKind.Bulk)
        {
            return [];
        }

        var headers = new List<KeyValuePair<string, string>>(3);
        if (message.Unsubscribe is { } target)
        {
            headers.Add(new(ListUnsubscribe, target.HeaderValue));
            headers.Add(new(ListUnsubscribePost, OneClick));
        }

        if (message.Kind == EmailKind.Bulk && !message.Headers.ContainsKey(Precedence))
        {
            headers.Add(new(Precedence, BulkPrecedence));
        }

        return headers;
    }

    /// <summary>Throws when a message's kind and unsubscribe headers contradict each other or the bulk-mail rule.</summary>
    /// <exception cref="ArgumentException">A bulk message has no unsubscribe target, or one has both a target and hand-written unsubscribe headers.</exception>
    public static void ThrowIfInconsistent(EmailMessage message)
    {
        if (message.Unsubscribe is not null)
        {
            if (message.Headers.ContainsKey(ListUnsubscribe) || message.Headers.ContainsKey(ListUnsubscribePost))
            {
                throw new ArgumentException($"The message has an Unsubscribe target and also sets {ListUnsubscribe} or {ListUnsubscribePost} in Headers; Mailing writes both headers from Unsubscribe. Remove them from Headers.", nameof(message));
            }

            return;
        }

        if (message.Kind == EmailKind.Bulk)
        {
            var fix = message.Template is { } template
                ? $"set the member of {template.GetType().Name} marked [UnsubscribeUrl] to the recipient's https unsubscribe link"
                : "set EmailMessage.Unsubscribe = new UnsubscribeTarget(link), with the recipient's https unsubscribe link";
            throw new ArgumentException($"The message is bulk mail (EmailKind.Bulk) but has no unsubscribe link: Gmail and Yahoo reject or spam-folder bulk mail without one-click unsubscribe (RFC 8058). {char.ToUpperInvariant(fix[0])}{fix[1..]}; Mailing.AspNetCore's UnsubscribeLinks.Create(recipient, list) makes one.", nameof(message));
        }
    }
}
