namespace Mailing;

/// <summary>
/// Keeps staging and test environments from mailing real people: recipients that match no allowed pattern are
/// replaced by the redirect address (or dropped when there is none), and the original recipients are kept in
/// <c>X-Original-To</c> so a tester can see who the message was for.
/// </summary>
/// <remarks>
/// Original Bcc recipients are listed (in <c>X-Original-Bcc</c>) only when the message goes to the redirect address
/// alone, so a kept recipient never learns who was blind-copied.
/// </remarks>
internal sealed class StagingRecipientInterceptor : IMailInterceptor
{
    public const string OriginalToHeader = "X-Original-To";
    public const string OriginalBccHeader = "X-Original-Bcc";

    private readonly EmailAddress? _redirectTo;
    private readonly IReadOnlyList<RecipientPattern> _allowed;
    private readonly string _sectionPath;

    public StagingRecipientInterceptor(EmailAddress? redirectTo, IReadOnlyList<RecipientPattern> allowed, string sectionPath)
    {
        _redirectTo = redirectTo;
        _allowed = allowed;
        _sectionPath = sectionPath;
    }

    public ValueTask OnSendingAsync(MailSendingContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.AllRecipients.All(IsAllowed))
        {
            return default;
        }

        var to = message.To.Where(IsAllowed).ToList();
        var cc = message.Cc.Where(IsAllowed).ToArray();
        var bcc = message.Bcc.Where(IsAllowed).ToArray();
        var keptAny = to.Count + cc.Length + bcc.Length > 0;
        if (_redirectTo is { } redirect)
        {
            if (!to.Concat(cc).Concat(bcc).Any(a => string.Equals(a.Address, redirect.Address, StringComparison.OrdinalIgnoreCase)))
            {
                to.Add(redirect);
            }
        }
        else if (!keptAny)
        {
            context.Veto($"none of its recipients matches {_sectionPath}:Staging:AllowedRecipients ({string.Join(", ", _allowed)}) and no {_sectionPath}:Staging:RedirectTo is set");
            return default;
        }

        var visible = message.To.Concat(message.Cc).Select(a => a.ToString()).ToArray();
        var redirected = message with { To = to, Cc = cc, Bcc = bcc };
        if (visible.Length > 0)
        {
            redirected = redirected.WithHeader(OriginalToHeader, string.Join(", ", visible));
        }

        if (!keptAny && message.Bcc.Count > 0)
        {
            redirected = redirected.WithHeader(OriginalBccHeader, string.Join(", ", message.Bcc.Select(a => a.ToString())));
        }

        context.Message = redirected;
        return default;
    }

    private bool IsAllowed(EmailAddress address) => _allowed.Any(pattern => pattern.Matches(address));
}
