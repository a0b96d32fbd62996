namespace Mailing;

/// <summary>
/// Where a recipient unsubscribes from a message: an <c>https://</c> one-click URL (RFC 8058) and, optionally, a
/// <c>mailto:</c> address. Written into the message as <c>List-Unsubscribe: &lt;https://...&gt;, &lt;mailto:...&gt;</c>
/// and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>.
/// </summary>
/// <remarks>
/// <para>
/// Gmail and Yahoo require one-click unsubscribe of bulk senders: the mailbox provider POSTs
/// <c>List-Unsubscribe=One-Click</c> to the URL, without cookies, and the recipient must be unsubscribed by that request
/// alone. The URL therefore has to identify the recipient and the list itself, unforgeably: Mailing.AspNetCore's
/// <c>UnsubscribeLinks</c> makes such URLs and <c>MapMailingUnsubscribe</c> answers them.
/// </para>
/// <para>
/// The URL is a capability to unsubscribe one person, so <see cref="ToString"/> and error messages show it without its
/// query string.
/// </para>
/// </remarks>
public sealed record UnsubscribeTarget
{
    /// <summary>Creates a target from an https URL and an optional mailto address.</summary>
    /// <param name="url">The absolute <c>https://</c> URL that unsubscribes the recipient when POSTed to.</param>
    /// <param name="mailto">An optional <c>mailto:</c> URI, e.g. <c>mailto:unsubscribe@shop.example?subject=unsubscribe</c>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="url"/> is not an absolute https URL or carries a user name or password, or <paramref name="mailto"/>
    /// is not a <c>mailto:</c> URI with an address.
    /// </exception>
    public UnsubscribeTarget(Uri url, Uri? mailto = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = CheckUrl(url, nameof(url));
        Mailto = mailto is null ? null : CheckMailto(mailto, nameof(mailto));
    }

    /// <summary>Creates a target from the text of an https URL and of an optional mailto address.</summary>
    /// <param name="url">The absolute <c>https://</c> URL that unsubscribes the recipient when POSTed to.</param>
    /// <param name="mailto">An optional <c>mailto:</c> URI, e.g. <c>mailto:unsubscribe@shop.example</c>.</param>
    /// <exception cref="ArgumentException">Either value is not what the other constructor accepts.</exception>
    public UnsubscribeTarget(string url, string? mailto = null)
        : this(Parse(url, "unsubscribe URL", nameof(url)), mailto is null ? null : Parse(mailto, "unsubscribe mailto address", nameof(mailto)))
    {
    }

    /// <summary>The https one-click unsubscribe URL.</summary>
    public Uri Url { get; }

    /// <summary>The <c>mailto:</c> address, or <see langword="null"/>.</summary>
    public Uri? Mailto { get; }

    /// <summary>The <c>List-Unsubscribe</c> header value: <c>&lt;https://...&gt;</c>, then <c>, &lt;mailto:...&gt;</c> when there is one.</summary>
    internal string HeaderValue => Mailto is null ? $"<{Url.AbsoluteUri}>" : $"<{Url.AbsoluteUri}>, <{Mailto.AbsoluteUri}>";

    /// <summary>A URL as it may appear in logs and errors: scheme, host and path, without the query (which holds the recipient's token).</summary>
    internal static string Redact(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return url.OriginalString.Split('?', 2)[0];
        }

        var where = url.UserInfo.Length == 0
            ? url.GetLeftPart(UriPartial.Path)
            : url.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped);
        return where + (url.Query.Length > 1 ? "?…" : "");
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Url = ").Append(Redact(Url));
        if (Mailto is not null)
        {
            builder.Append(", Mailto = ").Append(Redact(Mailto));
        }

        return true;
    }

    /// <summary>
    /// Parses an absolute URI written out in full. On Unix <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> takes
    /// <c>/unsubscribe</c> for <c>file:///unsubscribe</c>; a path is not a link, so that counts as relative here.
    /// </summary>
    internal static bool TryParseAbsolute(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        text = text.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out uri) && (!uri.IsFile || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        uri = null;
        return false;
    }

    private static Uri Parse(string value, string what, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        return TryParseAbsolute(value, out var uri)
            ? uri
            : throw new ArgumentException($"The {what} \"{value.Split('?', 2)[0]}\" is not an absolute URI: write the whole address, e.g. {(parameter == "url" ? "https://shop.example/unsubscribe?token=..." : "mailto:unsubscribe@shop.example")}.", parameter);
    }

    private static Uri CheckUrl(Uri url, string parameter)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The unsubscribe URL \"{Redact(url)}\" is not an absolute URL: write the whole https address a mailbox provider can POST to, e.g. https://shop.example/unsubscribe?token=...", parameter);
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The unsubscribe URL {Redact(url)} is not https: one-click unsubscribe (RFC 8058) needs an https:// URL, and Gmail and Yahoo ignore any other. Serve the unsubscribe endpoint over https and link to it.", parameter);
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ArgumentException($"The unsubscribe URL {Redact(url)} contains a user name or password; the link is sent to every recipient, so it must carry none. Remove the user-info part.", parameter);
        }

        return url;
    }

    private static Uri CheckMailto(Uri mailto, string parameter)
    {
        if (!mailto.IsAbsoluteUri || mailto.Scheme != Uri.UriSchemeMailto || !mailto.AbsoluteUri.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The unsubscribe mailto address \"{Redact(mailto)}\" is not a mailto: URI with an address: write e.g. mailto:unsubscribe@shop.example.", parameter);
        }

        return mailto;
    }
}
