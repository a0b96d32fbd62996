using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Mailing.Transports.Smtp;

/// <summary>
/// Writes a message's <see cref="EmailMessage.Tags"/> and <see cref="EmailMessage.Metadata"/> as the headers a
/// provider's SMTP relay reads, so its analytics and webhooks see them as they would through its HTTP API.
/// </summary>
/// <remarks>
/// Each provider removes its own headers before delivery, so recipients never see them. Servers that are not
/// one of these providers get no such headers: there is no standard for tags in SMTP.
/// </remarks>
internal sealed partial class SmtpProviderHeaders
{
    private const string SendGridHeader = "X-SMTPAPI";
    private const string PostmarkTagHeader = "X-PM-Tag";
    private const string PostmarkMetadataPrefix = "X-PM-Metadata-";
    private const string MailgunTagHeader = "X-Mailgun-Tag";
    private const string MailgunVariablesHeader = "X-Mailgun-Variables";
    private const string AmazonSesTagsHeader = "X-SES-MESSAGE-TAGS";

    // Documented per-message limits: SendGrid 10 categories, Postmark one tag, Mailgun 3 tags.
    private const int SendGridMaxTags = 10;
    private const int PostmarkMaxTags = 1;
    private const int MailgunMaxTags = 3;

    private SmtpProviderHeaders(SmtpProvider provider) => Provider = provider;

    /// <summary>The provider the options point at: named in <see cref="SmtpOptions.Provider"/>, or recognised from the host.</summary>
    public SmtpProvider Provider { get; }

    /// <summary>The header writer for the server <paramref name="options"/> connects to.</summary>
    public static SmtpProviderHeaders For(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SmtpProviderHeaders(Identify(options));
    }

    /// <summary>The provider's tag and metadata headers for <paramref name="message"/>, in the order they are written; empty for none.</summary>
    /// <exception cref="ArgumentException">
    /// The provider cannot carry the tags or metadata as given (too many tags, a key it does not accept), or the
    /// message already sets the provider's header itself. The message says which and what to change.
    /// </exception>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersFor(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Tags.Count == 0 && message.Metadata.Count == 0)
        {
            return [];
        }

        var headers = new List<KeyValuePair<string, string>>();
        switch (Provider)
        {
            case SmtpProvider.SendGrid:
                WriteSendGrid(message, headers);
                break;
            case SmtpProvider.Postmark:
                WritePostmark(message, headers);
                break;
            case SmtpProvider.Mailgun:
                WriteMailgun(message, headers);
                break;
            case SmtpProvider.AmazonSes:
                WriteAmazonSes(message, headers);
                break;
        }

        return headers;
    }

    /// <summary>Adds the provider's tag and metadata headers for <paramref name="message"/> to a MimeKit <paramref name="headers"/> list.</summary>
    /// <exception cref="ArgumentException">As <see cref="HeadersFor"/>.</exception>
    public void Write(EmailMessage message, HeaderList headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in HeadersFor(message))
        {
            if (EncodedWordLookalikeEncoder.NeedsEncoding(value))
            {
                var header = new Header(name, "");
                header.SetRawValue(System.Text.Encoding.ASCII.GetBytes(EncodedWordLookalikeEncoder.Encode(name, value)));
                headers.Add(header);
            }
            else
            {
                headers.Add(name, value);
            }
        }
    }

    private static SmtpProvider Identify(SmtpOptions options)
    {
        // A named provider wins over the host (tests and proxies point it elsewhere), unless it writes no headers.
        if (SmtpPresets.Parse(options.Provider) is { } named && named is SmtpProvider.SendGrid or SmtpProvider.Postmark or SmtpProvider.Mailgun or SmtpProvider.AmazonSes)
        {
            return named;
        }

        var host = options.Host.Trim().TrimEnd('.').ToLowerInvariant();
        return host switch
        {
            _ when IsInDomain(host, "sendgrid.net") => SmtpProvider.SendGrid,
            _ when IsInDomain(host, "postmarkapp.com") => SmtpProvider.Postmark,
            _ when IsInDomain(host, "mailgun.org") => SmtpProvider.Mailgun,
            _ when host.StartsWith("email-smtp", StringComparison.Ordinal) && IsInDomain(host, "amazonaws.com") => SmtpProvider.AmazonSes,
            _ => SmtpProvider.Other,
        };
    }

    private static bool IsInDomain(string host, string domain) =>
        host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    // SendGrid's SMTP API: one JSON header; "category" holds tags, "unique_args" comes back in every event.
    private static void WriteSendGrid(EmailMessage message, List<KeyValuePair<string, string>> headers)
    {
        ThrowIfTooManyTags(message, "SendGrid", SendGridMaxTags);
        ThrowIfAlreadySet(message, SendGridHeader);
        var members = new List<string>(2);
        if (message.Tags.Count > 0)
        {
            members.Add($"\"category\": [{string.Join(", ", message.Tags.Select(JsonString))}]");
        }

        if (message.Metadata.Count > 0)
        {
            members.Add($"\"unique_args\": {JsonObject(message.Metadata)}");
        }

        headers.Add(KeyValuePair.Create(SendGridHeader, $"{{{string.Join(", ", members)}}}"));
    }

    // Postmark: one X-PM-Tag, and one X-PM-Metadata-{key} header per metadata field.
    private static void WritePostmark(EmailMessage message, List<KeyValuePair<string, string>> headers)
    {
        ThrowIfTooManyTags(message, "Postmark", PostmarkMaxTags);
        if (message.Tags.Count > 0)
        {
            ThrowIfAlreadySet(message, PostmarkTagHeader);
            headers.Add(KeyValuePair.Create(PostmarkTagHeader, message.Tags[0]));
        }

        foreach (var (key, value) in message.Metadata)
        {
            if (!HeaderSafeName().IsMatch(key))
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' cannot be sent to Postmark over SMTP: it becomes part of the header name {PostmarkMetadataPrefix}{{key}}, " +
                    "which allows only ASCII letters, digits, '-' and '_'. Rename the key.",
                    nameof(message));
            }

            ThrowIfAlreadySet(message, PostmarkMetadataPrefix + key);
            headers.Add(KeyValuePair.Create(PostmarkMetadataPrefix + key, value));
        }
    }

    // Mailgun: one X-Mailgun-Tag per tag; X-Mailgun-Variables is a JSON object that comes back in webhooks.
    private static void WriteMailgun(EmailMessage message, List<KeyValuePair<string, string>> headers)
    {
        ThrowIfTooManyTags(message, "Mailgun", MailgunMaxTags);
        if (message.Tags.Count > 0)
        {
            ThrowIfAlreadySet(message, MailgunTagHeader);
            foreach (var tag in message.Tags)
            {
                headers.Add(KeyValuePair.Create(MailgunTagHeader, tag));
            }
        }

        if (message.Metadata.Count > 0)
        {
            ThrowIfAlreadySet(message, MailgunVariablesHeader);
            headers.Add(KeyValuePair.Create(MailgunVariablesHeader, JsonObject(message.Metadata)));
        }
    }

    // Amazon SES message tags are name=value pairs; plain tags have no SES form and are not sent.
    private static void WriteAmazonSes(EmailMessage message, List<KeyValuePair<string, string>> headers)
    {
        if (message.Metadata.Count == 0)
        {
            return;
        }

        ThrowIfAlreadySet(message, AmazonSesTagsHeader);
        foreach (var (key, value) in message.Metadata)
        {
            if (!AmazonSesTagText().IsMatch(key) || !AmazonSesTagText().IsMatch(value))
            {
                throw new ArgumentException(
                    $"Metadata '{key}' cannot be sent as an Amazon SES message tag: SES allows only ASCII letters, digits, '_' and '-' " +
                    "(1 to 256 characters) in tag names and values. Change the key or value.",
                    nameof(message));
            }
        }

        headers.Add(KeyValuePair.Create(AmazonSesTagsHeader, string.Join(", ", message.Metadata.Select(pair => $"{pair.Key}={pair.Value}"))));
    }

    private static void ThrowIfTooManyTags(EmailMessage message, string provider, int max)
    {
        if (message.Tags.Count > max)
        {
            throw new ArgumentException(
                $"{provider} accepts at most {max} tag{(max == 1 ? "" : "s")} per message; this message has {message.Tags.Count} " +
                $"({string.Join(", ", message.Tags)}). Keep {max} and move the rest into Metadata.",
                nameof(message));
        }
    }

    private static void ThrowIfAlreadySet(EmailMessage message, string header)
    {
        if (message.Headers.ContainsKey(header))
        {
            throw new ArgumentException(
                $"The message sets the {header} header itself and also has Tags or Metadata, which Mailing writes into that header. " +
                "Use one or the other.",
                nameof(message));
        }
    }

    private static string JsonObject(IReadOnlyDictionary<string, string> values) =>
        $"{{{string.Join(", ", values.Select(pair => $"{JsonString(pair.Key)}: {JsonString(pair.Value)}"))}}}";

    // The default encoder escapes everything outside ASCII, so the header needs no RFC 2047 encoding; '=' is
    // escaped too, so no value can look like an encoded word that a receiver would decode.
    private static string JsonString(string value) =>
        $"\"{JsonEncodedText.Encode(value).ToString().Replace("=", "\\u003D", StringComparison.Ordinal)}\"";

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSafeName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex AmazonSesTagText();
}
