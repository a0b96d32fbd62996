using System.Globalization;

namespace Mailing.Transports.Http.Postmark;

/// <summary>
/// Reads Postmark's <c>ErrorCode</c> (from a refused call, or from one message of a batch) as a failure kind and a hint
/// that says what to do.
/// </summary>
internal static class PostmarkErrorClassifier
{
    /// <summary>What to do when Postmark refuses the server token.</summary>
    public const string AuthenticationHint =
        "Postmark refused the server token: set ApiKey to the Server API token from the server's API Tokens tab in Postmark " +
        "(an Account API token cannot send mail, and each server has its own token). To check requests without delivering, use the token POSTMARK_API_TEST.";

    private const string SenderSignatureHint =
        "Postmark sends only from a confirmed sender signature or a verified domain: add the From address (or its domain) " +
        "under Sender Signatures in Postmark and confirm it (click the link Postmark emails, or add the DKIM and Return-Path DNS records), " +
        "or change From to an address that is already confirmed.";

    /// <summary>Describes a failure Postmark reported with <paramref name="errorCode"/>.</summary>
    /// <param name="errorCode">Postmark's <c>ErrorCode</c>.</param>
    /// <param name="message">Postmark's <c>Message</c>.</param>
    /// <param name="fallback">The kind for codes that say nothing sharper (the HTTP status's kind, or <see cref="MailFailureKind.Rejected"/>).</param>
    public static HttpApiFailure Classify(int errorCode, string message, MailFailureKind fallback)
    {
        var code = errorCode.ToString(CultureInfo.InvariantCulture);
        var text = $"ErrorCode {code}, {message}";
        return errorCode switch
        {
            PostmarkErrorCode.BadOrMissingApiToken => new(MailFailureKind.Authentication, text, AuthenticationHint, code),
            PostmarkErrorCode.Maintenance => new(MailFailureKind.Transient, text,
                "Postmark is down for maintenance; a later attempt will succeed. See status.postmarkapp.com.", code),
            PostmarkErrorCode.RateLimitExceeded => new(MailFailureKind.RateLimited, text, null, code),
            PostmarkErrorCode.InactiveRecipient => new(MailFailureKind.Rejected, text,
                "Postmark suppresses this recipient: an earlier message hard-bounced, was marked as spam, or the recipient unsubscribed " +
                "or was suppressed by hand. Check the address; if it is valid again, reactivate it under the message stream's Suppressions " +
                "in Postmark. Sending again unchanged will not help.", code),
            PostmarkErrorCode.SenderSignatureNotFound or PostmarkErrorCode.SenderSignatureNotConfirmed => new(MailFailureKind.Rejected, text, SenderSignatureHint, code),
            PostmarkErrorCode.AccountIsPending => new(MailFailureKind.Rejected, text,
                "The Postmark account is still pending approval (test mode): until Postmark approves it, mail may only go to addresses " +
                "at the domains of your own confirmed sender signatures. Request approval in the Postmark dashboard, or send tests to such an address.", code),
            PostmarkErrorCode.NotAllowedToSend or PostmarkErrorCode.AccountMayNotSend => new(MailFailureKind.Rejected, text,
                "Postmark does not let this account send right now (no credits or an unpaid plan, or sending paused by Postmark): " +
                "check the account's billing and notices in the Postmark dashboard, or contact Postmark support.", code),
            PostmarkErrorCode.ForbiddenAttachmentType => new(MailFailureKind.Rejected, text,
                "Postmark refuses this attachment's file type (executables, scripts and the like): send a link to the file or zip it.", code),
            PostmarkErrorCode.InvalidEmailRequest => new(MailFailureKind.Rejected, text,
                "Postmark found the message itself invalid: fix what its message says (an address it cannot parse, more than 50 recipients, " +
                "no body, a message stream that does not exist); sending it again unchanged will not help.", code),
            _ => new(fallback, text, null, code),
        };
    }
}
