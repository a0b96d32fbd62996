namespace Mailing;

/// <summary>One email, independent of the transport that delivers it.</summary>
/// <remarks>
/// <para>
/// Immutable: build it with an object initializer, change a copy with <c>with { ... }</c>, or use the
/// fluent methods (<see cref="AddTo(EmailAddress)"/>, <see cref="WithHeader"/>, ...), which return new messages.
/// </para>
/// <para>
/// Header injection is impossible by construction: a carriage return or line feed in <see cref="Subject"/>,
/// a display name, a header name or value, a tag or a file name throws <see cref="ArgumentException"/>
/// whose <see cref="ArgumentException.ParamName"/> names the field. Non-ASCII text is allowed everywhere
/// and encoded (RFC 2047 / RFC 2231) when the message is written.
/// </para>
/// <para>
/// Equality is identity: two messages with the same content are still two messages to send, and
/// <see cref="ToString"/> shows only the envelope (never bodies, Bcc addresses or metadata), so a
/// message can be logged without leaking its content.
/// </para>
/// </remarks>
public sealed record EmailMessage
{
    private readonly string _subject = "";
    private readonly IReadOnlyList<EmailAddress> _replyTo = [];
    private readonly IReadOnlyList<EmailAddress> _to = [];
    private readonly IReadOnlyList<EmailAddress> _cc = [];
    private readonly IReadOnlyList<EmailAddress> _bcc = [];
    private readonly IReadOnlyList<EmailAttachment> _attachments = [];
    private readonly IReadOnlyList<InlineResource> _inlineResources = [];
    private readonly IReadOnlyDictionary<string, string> _headers = EmptyDictionary;
    private readonly IReadOnlyList<string> _tags = [];
    private readonly IReadOnlyDictionary<string, string> _metadata = EmptyDictionary;
    private readonly string? _idempotencyKey;
    private readonly string? _messageId;
    private readonly string? _transportName;
    private readonly string? _templateName;

    private static readonly IReadOnlyDictionary<string, string> EmptyDictionary =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>The author; when <see langword="null"/>, the mailer uses the configured <c>Mailing:From</c>.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The mailbox that actually sent the message on the author's behalf (RFC 5322 <c>Sender</c>), if different from <see cref="From"/>.</summary>
    public EmailAddress? Sender { get; init; }

    /// <summary>Where replies should go, when not to <see cref="From"/>.</summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get => _replyTo; init => _replyTo = CopyAddresses(value, nameof(ReplyTo)); }

    /// <summary>Primary recipients.</summary>
    public IReadOnlyList<EmailAddress> To { get => _to; init => _to = CopyAddresses(value, nameof(To)); }

    /// <summary>Carbon-copy recipients, visible to everyone.</summary>
    public IReadOnlyList<EmailAddress> Cc { get => _cc; init => _cc = CopyAddresses(value, nameof(Cc)); }

    /// <summary>Blind-copy recipients: they receive the message, the other recipients do not see them.</summary>
    public IReadOnlyList<EmailAddress> Bcc { get => _bcc; init => _bcc = CopyAddresses(value, nameof(Bcc)); }

    /// <summary>The subject line: one line of text of any length and script.</summary>
    /// <exception cref="ArgumentException">The value contains CR or LF.</exception>
    public string Subject { get => _subject; init => _subject = MessageFieldValidator.ThrowIfHasLineBreak(value, nameof(Subject)); }

    /// <summary>The HTML body, or <see langword="null"/> for a plain-text message.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The plain-text body; derived from <see cref="HtmlBody"/> when <see langword="null"/>.</summary>
    public string? TextBody { get; init; }

    /// <summary>Files attached to the message.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get => _attachments; init => _attachments = CopyItems(value, nameof(Attachments)); }

    /// <summary>Images and other resources the HTML shows inline through <c>cid:</c> references.</summary>
    public IReadOnlyList<InlineResource> InlineResources { get => _inlineResources; init => _inlineResources = CopyInlineResources(value); }

    /// <summary>Extra headers, e.g. <c>List-Unsubscribe</c>. Headers the message writes itself (<c>From</c>, <c>Subject</c>, ...) are refused.</summary>
    /// <exception cref="ArgumentException">A name is not a valid header name or is reserved, or a value contains CR or LF.</exception>
    public IReadOnlyDictionary<string, string> Headers { get => _headers; init => _headers = CopyHeaders(value); }

    /// <summary>Labels for the provider's analytics and webhooks.</summary>
    /// <remarks>
    /// Over SMTP they reach SendGrid (<c>X-SMTPAPI</c> categories, at most 10), Postmark (<c>X-PM-Tag</c>, at most 1) and
    /// Mailgun (<c>X-Mailgun-Tag</c>, at most 3), which strip those headers before delivery; other servers, Amazon SES
    /// included, get no tag headers. A message with more tags than its provider accepts is refused before connecting.
    /// </remarks>
    public IReadOnlyList<string> Tags { get => _tags; init => _tags = CopyTags(value); }

    /// <summary>Key/value data for the provider's webhooks and analytics.</summary>
    /// <remarks>
    /// Over SMTP it reaches SendGrid (<c>unique_args</c> in <c>X-SMTPAPI</c>), Postmark (<c>X-PM-Metadata-{key}</c>),
    /// Mailgun (<c>X-Mailgun-Variables</c>) and Amazon SES (message tags in <c>X-SES-MESSAGE-TAGS</c>), which strip
    /// those headers before delivery; other servers get nothing. Recipients never see it. The key
    /// <see cref="MailEvent.MessageIdMetadataKey"/> is reserved: the HTTP transports send the Message-Id under it.
    /// </remarks>
    /// <exception cref="ArgumentException">A key contains CR or LF, is the reserved key, or a value is <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = CopyMetadata(value); }

    /// <summary>
    /// A key that identifies this message across retries: transports and providers that support
    /// idempotency use it to avoid sending twice, and the Message-Id is derived from it so a resend keeps the same id.
    /// </summary>
    public string? IdempotencyKey { get => _idempotencyKey; init => _idempotencyKey = MessageFieldValidator.ThrowIfHasLineBreakOrNull(value, nameof(IdempotencyKey)); }

    /// <summary>How urgent the message claims to be.</summary>
    public EmailPriority Priority { get; init; }

    /// <summary>Transactional (the default) or bulk mail; see <see cref="EmailKind"/>.</summary>
    /// <remarks>A bulk message must have an <see cref="Unsubscribe"/> target; sending one without is refused with <see cref="ArgumentException"/>.</remarks>
    public EmailKind Kind { get; init; }

    /// <summary>
    /// Sends this transactional message even to recipients on the suppression list (<see cref="ISuppressionList"/>):
    /// a password reset or a security alert someone asked for, to an address that once bounced or complained.
    /// </summary>
    /// <remarks>
    /// Only for <see cref="EmailKind.Transactional"/> mail: a <see cref="EmailKind.Bulk"/> message that sets it is refused
    /// with an <see cref="ArgumentException"/> when sent, because bulk mail to a suppressed address is what mailbox
    /// providers punish. Unsubscribed addresses never stop transactional mail, so this is not needed for them.
    /// </remarks>
    public bool SkipSuppressionCheck { get; init; }

    /// <summary>
    /// Where the recipient unsubscribes: written as <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post:
    /// List-Unsubscribe=One-Click</c> (RFC 8058), over SMTP and through every provider's custom headers.
    /// </summary>
    /// <remarks>
    /// Required for <see cref="EmailKind.Bulk"/> mail and allowed on transactional mail. A message that has it may not
    /// also set <c>List-Unsubscribe</c> or <c>List-Unsubscribe-Post</c> in <see cref="Headers"/>; one without it may
    /// (a transactional message with a hand-written <c>List-Unsubscribe</c> is sent as it is).
    /// </remarks>
    public UnsubscribeTarget? Unsubscribe { get; init; }

    /// <summary>The RFC 5322 Message-Id without angle brackets (e.g. <c>abc123@shop.example</c>); generated when <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The value is not of the form <c>left@right</c> or contains spaces, angle brackets or line breaks.</exception>
    public string? MessageId { get => _messageId; init => _messageId = ValidateMessageId(value); }

    /// <summary>
    /// The name of the configured transport this message must go through (a key under <c>Mailing:Transports</c>, e.g.
    /// <c>bulk</c>), ahead of any routing rule; <see langword="null"/> to let the rules and the default transport decide.
    /// </summary>
    /// <remarks>A name that is not configured fails the send with <see cref="MailFailureKind.Configuration"/>, listing the names there are.</remarks>
    public string? TransportName { get => _transportName; init => _transportName = MessageFieldValidator.ThrowIfHasLineBreakOrNull(value, nameof(TransportName)); }

    /// <summary>The typed template this message was rendered from, if any; test helpers match on it.</summary>
    public IEmailTemplate? Template { get; init; }

    /// <summary>
    /// The name of the template this message was rendered from, for logs and metrics (the <c>mailing.template</c> tag),
    /// when the message no longer carries <see cref="Template"/>: a message stored and sent later, by a queue or an
    /// outbox, keeps the name and not the object. When <see cref="Template"/> is set, its class name is used instead.
    /// </summary>
    /// <remarks>Never sent: no header or provider field carries it.</remarks>
    /// <exception cref="ArgumentException">The value contains a line break.</exception>
    public string? TemplateName { get => _templateName; init => _templateName = MessageFieldValidator.ThrowIfHasLineBreakOrNull(value, nameof(TemplateName)); }

    /// <summary>Every recipient: <see cref="To"/>, then <see cref="Cc"/>, then <see cref="Bcc"/>.</summary>
    public IEnumerable<EmailAddress> AllRecipients => To.Concat(Cc).Concat(Bcc);

    /// <summary>
    /// Creates a message from a rendered template: subject, HTML and text come from <paramref name="template"/>, and so do
    /// <see cref="Kind"/> and <see cref="Unsubscribe"/> (a bulk template's unsubscribe link).
    /// </summary>
    /// <param name="template">The template to render.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="culture">The culture numbers and dates are formatted with; invariant when <see langword="null"/>.</param>
    public static EmailMessage FromTemplate(IEmailTemplate template, EmailAddress to, IFormatProvider? culture = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(to);
        var rendered = template.Render(culture);
        return new EmailMessage
        {
            To = [to],
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = string.IsNullOrEmpty(rendered.Text) ? null : rendered.Text,
            Template = template,
            Kind = rendered.Kind,
            Unsubscribe = rendered.Unsubscribe,
        };
    }

    /// <summary>Returns a copy with <paramref name="address"/> added to <see cref="To"/>.</summary>
    public EmailMessage AddTo(EmailAddress address) => this with { To = [.. To, address] };

    /// <summary>Returns a copy with <paramref name="address"/> added to <see cref="Cc"/>.</summary>
    public EmailMessage AddCc(EmailAddress address) => this with { Cc = [.. Cc, address] };

    /// <summary>Returns a copy with <paramref name="address"/> added to <see cref="Bcc"/>.</summary>
    public EmailMessage AddBcc(EmailAddress address) => this with { Bcc = [.. Bcc, address] };

    /// <summary>Returns a copy with <paramref name="attachment"/> added.</summary>
    public EmailMessage Attach(EmailAttachment attachment) => this with { Attachments = [.. Attachments, attachment] };

    /// <summary>Returns a copy with <paramref name="resource"/> added to the inline resources.</summary>
    public EmailMessage Embed(InlineResource resource) => this with { InlineResources = [.. InlineResources, resource] };

    /// <summary>Returns a copy with the header <paramref name="name"/> set to <paramref name="value"/> (replacing one of the same name).</summary>
    /// <exception cref="ArgumentException">The name is invalid or reserved, or the value contains CR or LF.</exception>
    public EmailMessage WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return this with { Headers = headers };
    }

    /// <summary>Returns a copy that must be sent through the configured transport <paramref name="name"/> (see <see cref="TransportName"/>).</summary>
    public EmailMessage WithTransport(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return this with { TransportName = name };
    }

    /// <summary>Returns a copy with <paramref name="tag"/> added to <see cref="Tags"/>.</summary>
    public EmailMessage WithTag(string tag) => this with { Tags = [.. Tags, tag] };

    /// <summary>Returns a copy with the metadata <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public EmailMessage WithMetadata(string key, string value)
    {
        var metadata = new Dictionary<string, string>(Metadata, StringComparer.Ordinal) { [key] = value };
        return this with { Metadata = metadata };
    }

    /// <summary>
    /// The MIME message SMTP and the pickup directory would write: the same tree, headers, derived text part,
    /// Message-Id (this one, or a new one) and Date.
    /// </summary>
    /// <param name="timeProvider">The clock for the Date header; the system clock when <see langword="null"/>.</param>
    /// <returns>A new message; dispose it, as attachments read from files keep their streams open until then.</returns>
    /// <exception cref="ArgumentException">The message has no sender, no recipients, or inline resources without HTML.</exception>
    public MimeKit.MimeMessage ToMimeMessage(TimeProvider? timeProvider = null) => MimeMessageFactory.Create(this, timeProvider);

    /// <inheritdoc />
    public bool Equals(EmailMessage? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        // Bodies and metadata can be personal data; a log line that prints a message shows only its envelope.
        builder.Append("Subject = ").Append(Subject)
            .Append(", From = ").Append(From)
            .Append(", To = [").AppendJoin(", ", To).Append(']');
        if (Kind == EmailKind.Bulk)
        {
            builder.Append(", Kind = Bulk");
        }

        if (Cc.Count > 0)
        {
            builder.Append(", Cc = [").AppendJoin(", ", Cc).Append(']');
        }

        if (Bcc.Count > 0)
        {
            builder.Append(", Bcc = ").Append(Bcc.Count);
        }

        if (Attachments.Count > 0)
        {
            builder.Append(", Attachments = [").AppendJoin(", ", Attachments.Select(a => a.FileName)).Append(']');
        }

        if ((Template?.GetType().Name ?? TemplateName) is { } template)
        {
            builder.Append(", Template = ").Append(template);
        }

        return true;
    }

    private static IReadOnlyList<EmailAddress> CopyAddresses(IReadOnlyList<EmailAddress>? addresses, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(addresses, fieldName);
        return CopyItems(addresses, fieldName);
    }

    private static IReadOnlyList<T> CopyItems<T>(IReadOnlyList<T>? items, string fieldName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, fieldName);
        var copy = items.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"{fieldName}[{i}] is null.", fieldName);
            }
        }

        return Array.AsReadOnly(copy);
    }

    private static IReadOnlyList<InlineResource> CopyInlineResources(IReadOnlyList<InlineResource>? resources)
    {
        var copy = CopyItems(resources, nameof(InlineResources));
        var duplicate = copy.GroupBy(r => r.ContentId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{nameof(InlineResources)} has two resources with the content id \"{duplicate.Key}\"; each cid: reference must name one resource.", nameof(InlineResources));
        }

        return copy;
    }

    private static IReadOnlyDictionary<string, string> CopyHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        ArgumentNullException.ThrowIfNull(headers, nameof(Headers));
        var copy = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            MessageFieldValidator.ThrowIfInvalidHeaderName(name, nameof(Headers));
            MessageFieldValidator.ThrowIfHasLineBreak(value, $"{nameof(Headers)}[{name}]");
            if (!copy.TryAdd(name, value))
            {
                throw new ArgumentException($"{nameof(Headers)} has the header \"{name}\" twice (names are case-insensitive).", nameof(Headers));
            }
        }

        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(copy);
    }

    private static IReadOnlyList<string> CopyTags(IReadOnlyList<string>? tags)
    {
        var copy = CopyItems(tags, nameof(Tags));
        foreach (var tag in copy)
        {
            MessageFieldValidator.ThrowIfHasLineBreak(tag, nameof(Tags));
        }

        return copy;
    }

    private static IReadOnlyDictionary<string, string> CopyMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata, nameof(Metadata));
        var copy = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            MessageFieldValidator.ThrowIfHasLineBreak(key, nameof(Metadata));
            if (string.Equals(key, MailEvent.MessageIdMetadataKey, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"{nameof(Metadata)} key \"{key}\" is reserved: Mailing sends the Message-Id under it so provider events can be matched to SendResult.MessageId. Use another key.",
                    nameof(Metadata));
            }

            copy[key] = value ?? throw new ArgumentException($"{nameof(Metadata)}[{key}] is null.", nameof(Metadata));
        }

        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(copy);
    }

    private static string? ValidateMessageId(string? value)
    {
        if (value is null)
        {
            return null;
        }

        MessageFieldValidator.ThrowIfHasLineBreak(value, nameof(MessageId));
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == value.Length - 1 || value.Any(c => c is '<' or '>' or '"' || char.IsWhiteSpace(c) || c > '~'))
        {
            throw new ArgumentException($"{nameof(MessageId)} \"{value}\" is not a Message-Id: expected \"unique-part@domain\" without angle brackets or spaces.", nameof(MessageId));
        }

        return value;
    }
}
