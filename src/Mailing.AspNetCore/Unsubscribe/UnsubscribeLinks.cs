using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Makes the one-click unsubscribe link for a recipient and a list: the configured <see cref="UnsubscribeOptions.Url"/>
/// with a signed, expiring token that only this application's Data Protection key ring can make or read.
/// </summary>
/// <remarks>
/// <para>
/// Inject it where mail is sent and put its link in the template's <c>[UnsubscribeUrl]</c> member:
/// <code>
/// await mailer.SendAsync(new NewsletterEmail { ..., UnsubscribeUrl = links.Create(subscriber.Email, "newsletter") }, subscriber.Email);
/// </code>
/// </para>
/// <para>
/// Every call makes a new link (each has its own id and expiry). The app that sends and the app that maps
/// <c>MapMailingUnsubscribe</c> must share the Data Protection key ring (same application name, keys persisted to a shared
/// store), or links from one are invalid at the other, and after a restart when keys are kept only in memory.
/// </para>
/// </remarks>
public sealed class UnsubscribeLinks
{
    private const int MaxListLength = 200;

    private readonly UnsubscribeTokens _tokens;
    private readonly IOptionsMonitor<UnsubscribeOptions> _options;

    internal UnsubscribeLinks(UnsubscribeTokens tokens, IOptionsMonitor<UnsubscribeOptions> options)
    {
        _tokens = tokens;
        _options = options;
    }

    /// <summary>The https link that unsubscribes <paramref name="recipient"/> from <paramref name="list"/>.</summary>
    /// <param name="recipient">Who the message goes to; the handler receives this address.</param>
    /// <param name="list">What they are unsubscribing from, e.g. <c>newsletter</c>; the handler receives it as given.</param>
    /// <returns>An absolute https URL, valid for <see cref="UnsubscribeOptions.LinkLifetime"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="list"/> is empty, longer than 200 characters, or contains control characters.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><c>Mailing:Unsubscribe</c> is not configured correctly.</exception>
    public Uri Create(EmailAddress recipient, string list)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        if (list.Length > MaxListLength || list.Any(char.IsControl))
        {
            throw new ArgumentException($"The list name must be at most {MaxListLength} characters without control characters, e.g. \"newsletter\".", nameof(list));
        }

        var options = _options.CurrentValue;
        var url = options.Url ?? throw new InvalidOperationException($"{options.SectionPath}:Url is not set; see UnsubscribeOptions.Url.");
        return new Uri(QueryHelpers.AddQueryString(url.AbsoluteUri, UnsubscribeEndpoint.TokenParameter, _tokens.Create(recipient.Address, list, options.LinkLifetime)));
    }
}
