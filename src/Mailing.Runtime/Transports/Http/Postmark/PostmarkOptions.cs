using Microsoft.Extensions.Configuration;

namespace Mailing.Transports.Http.Postmark;

/// <summary>How <see cref="PostmarkTransport"/> reaches Postmark's Email API: the server token, and the message stream to send through.</summary>
/// <remarks>
/// <para>
/// <see cref="HttpApiOptions.ApiKey"/> is the <b>Server API token</b> from the server's <i>API Tokens</i> tab; the
/// account token (<c>X-Postmark-Account-Token</c>) cannot send mail. Each Postmark server has its own token, so the token
/// also decides which server (and activity log) the mail lands in. The token <c>POSTMARK_API_TEST</c> makes Postmark
/// validate the request without delivering anything.
/// </para>
/// <para>
/// Configuration keys (e.g. under <c>Mailing:Transports:postmark</c>): <c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c>,
/// <c>MessageStream</c>. DSN: <c>postmark+api://TOKEN@default?message_stream=outbound</c>.
/// </para>
/// </remarks>
public sealed class PostmarkOptions : HttpApiOptions
{
    /// <summary>The DSN scheme of this transport: <c>postmark+api</c>.</summary>
    public const string Scheme = "postmark+api";

    private const string MessageStreamOption = "message_stream";
    private static readonly Uri PostmarkApi = new("https://api.postmarkapp.com/");

    /// <summary>
    /// The id of the message stream to send through, e.g. <c>outbound</c> (transactional) or <c>broadcast</c>;
    /// <see langword="null"/> for the server's default transactional stream.
    /// </summary>
    /// <remarks>
    /// Postmark keeps bulk mail apart from transactional mail: newsletters and announcements belong in a
    /// <i>Broadcast</i> stream, and sending them through the transactional stream breaks Postmark's terms. A stream id
    /// that does not exist on the server is refused by Postmark for every message.
    /// </remarks>
    public string? MessageStream { get; set; }

    internal override string ProviderName => "Postmark";

    internal override Uri DefaultEndpoint => PostmarkApi;

    /// <summary>Builds options from a DSN: <c>postmark+api://TOKEN@default</c>, the server token as the user part.</summary>
    /// <param name="dsn">
    /// The parsed DSN. Options: <c>message_stream</c> (the stream id), <c>endpoint</c> (a base URL replacing
    /// <c>https://api.postmarkapp.com/</c>) and <c>timeout</c> (seconds).
    /// </param>
    /// <returns>
    /// New options. A DSN that does not fit (another scheme, a host other than <c>default</c>, an unknown option, a value
    /// that does not parse) does not throw: the problem is recorded and reported by <see cref="HttpApiOptions.Validate"/>,
    /// never with the token in it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="dsn"/> is <see langword="null"/>.</exception>
    public static PostmarkOptions FromDsn(TransportDsn dsn)
    {
        ArgumentNullException.ThrowIfNull(dsn);

        // TransportDsn.ToString shows the user part, which is the token here; messages show a redacted copy.
        var shown = dsn with { User = dsn.User is null ? null : "****" };
        var options = new PostmarkOptions { ApiKey = dsn.User };
        if (dsn.Scheme != Scheme)
        {
            options.BindingErrors.Add($"\"{shown}\" is not a Postmark API DSN: the scheme must be {Scheme}, as in {Scheme}://TOKEN@default.");
        }

        options.RequireDefaultHost(shown);
        if (dsn.Password is not null)
        {
            options.BindingErrors.Add($"\"{shown}\" has a password part, but a Postmark DSN carries only the server token, as the user part: {Scheme}://TOKEN@default.");
        }

        if (dsn.Port is not null || dsn.Path is not null)
        {
            options.BindingErrors.Add($"\"{shown}\" has a port or path, which Postmark DSNs do not use; to send elsewhere add ?endpoint=https://host/.");
        }

        foreach (var (key, value) in dsn.Options)
        {
            if (string.Equals(key, MessageStreamOption, StringComparison.OrdinalIgnoreCase))
            {
                options.MessageStream = value;
            }
            else if (!options.TryApplyCommonDsnOption(key, value, shown))
            {
                options.UnknownDsnOption(shown, key, $"{MessageStreamOption}=ID");
            }
        }

        return options;
    }

    /// <summary>Reads <c>ApiKey</c>, <c>Endpoint</c>, <c>Timeout</c> and <c>MessageStream</c> from <paramref name="section"/>, without reflection.</summary>
    internal void Bind(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        BindCommon(section);
        MessageStream = section[nameof(MessageStream)] ?? MessageStream;
    }

    private protected override void AddProviderErrors(string section, List<string> errors)
    {
        if (MessageStream is not null && (string.IsNullOrWhiteSpace(MessageStream) || MessageStream.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            errors.Add($"{section}:MessageStream is empty or has a line break: write the stream id as Postmark shows it (e.g. \"outbound\" or \"broadcast\"), or remove the key for the default stream.");
        }
    }
}
