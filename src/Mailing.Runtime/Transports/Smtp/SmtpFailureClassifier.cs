using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mailing.Transports.Smtp;

/// <summary>
/// Turns what the SMTP session, sockets and TLS throw into a <see cref="MailDeliveryException"/> with a kind, the server's
/// reply and codes, a hint, and whether the message may have been delivered.
/// </summary>
internal sealed partial class SmtpFailureClassifier(string transportName, string host, int port, string? provider = null)
{
    private const int MaxServerResponseLength = 512;

    /// <summary>Classifies <paramref name="exception"/>, or returns <see langword="null"/> for exceptions that are bugs rather than delivery failures.</summary>
    public MailDeliveryException? Classify(Exception exception, SmtpStage stage) => exception switch
    {
        MailDeliveryException delivery => delivery,
        AllRecipientsRefusedException refused => FromRefusedRecipients(refused),
        SmtpReplyException { Command: SmtpCommand.Auth } auth => FromAuthentication(auth),
        SmtpReplyException reply => FromReply(reply, stage),
        SmtpTlsException tls => Create(MailFailureKind.Tls, $"TLS with {host}:{port} failed: {FirstLine(tls.InnerException?.Message ?? tls.Message)}", tls.CertificatePresented ? SmtpHints.CertificateNotTrusted : SmtpHints.TlsFailed, tls),
        SmtpExtensionMissingException { Extension: SmtpExtension.StartTls } missing =>
            Create(MailFailureKind.Tls, $"{host}:{port} does not offer STARTTLS, which is required.", SmtpHints.StartTlsNotOffered, missing),
        SmtpExtensionMissingException { Extension: SmtpExtension.Authentication } missing =>
            Create(MailFailureKind.Configuration, $"{host}:{port} does not offer AUTH that Mailing can use: {missing.Message}", SmtpHints.AuthenticationNotOffered, missing),
        SmtpExtensionMissingException missing =>
            Create(MailFailureKind.Rejected, $"{host}:{port} cannot take this message: {missing.Message}", SmtpHints.CapabilityMissing, missing),
        TimeoutException timeout => FromTimeout(stage, timeout),
        SocketException socket => FromSocket(socket, stage),
        IOException { InnerException: SocketException socket } io => FromSocket(socket, stage, io),
        IOException => FromLostConnection(exception, stage),
        _ => null,
    };

    public MailDeliveryException ConnectTimedOut(Exception? inner) =>
        Create(MailFailureKind.Timeout, $"Connecting to {host}:{port} timed out.", SmtpHints.ConnectTimeout(host, port), inner);

    public MailDeliveryException SendDeadlineExpired(SmtpStage stage, Exception? inner) =>
        Create(MailFailureKind.Timeout, $"Sending through {host}:{port} did not finish within the send timeout.",
            stage == SmtpStage.Data ? $"{SmtpHints.SendDeadline} {SmtpHints.ConnectionLostDuringData}" : SmtpHints.SendDeadline,
            inner,
            mayHaveBeenDelivered: stage == SmtpStage.Data);

    public MailDeliveryException SmtpUtf8NotOffered(string address) =>
        Create(MailFailureKind.Rejected, $"{host}:{port} does not offer SMTPUTF8, which the address '{address}' needs; nothing was sent.", SmtpHints.SmtpUtf8NotOffered, inner: null);

    public MailDeliveryException InvalidOptions(IReadOnlyList<string> errors) =>
        Create(MailFailureKind.Configuration, "The SMTP options are invalid: " + string.Join(" ", errors), hint: null, inner: null);

    private MailDeliveryException FromReply(SmtpReplyException exception, SmtpStage stage)
    {
        var (code, reply) = (exception.Code, exception.Reply);
        var enhanced = EnhancedStatusCode(reply);
        var (kind, hint) = code switch
        {
            SmtpReplyCode.AuthenticationInvalidCredentials or SmtpReplyCode.AuthenticationMechanismTooWeak => (MailFailureKind.Authentication, SmtpHints.AuthenticationFailed),
            SmtpReplyCode.AuthenticationRequired => (MailFailureKind.Authentication, SmtpHints.AuthenticationRequired),
            _ when SmtpReplyCode.IsTransientNegative(code) && LooksRateLimited(reply) => (MailFailureKind.RateLimited, SmtpHints.RateLimited),
            _ when SmtpReplyCode.IsTransientNegative(code) => (MailFailureKind.Transient, SmtpHints.TemporaryFailure),
            _ when IsRelayingDenied(code, enhanced, reply) => (MailFailureKind.Rejected, SmtpHints.RelayingDenied),
            _ when enhanced?.StartsWith("5.7.", StringComparison.Ordinal) == true => (MailFailureKind.Rejected, SmtpHints.PolicyRejection),
            _ when enhanced is "5.3.4" or "5.2.3" || code == 552 => (MailFailureKind.Rejected, SmtpHints.MessageTooLarge),
            _ when exception.Command == SmtpCommand.MailFrom => (MailFailureKind.Rejected, SmtpHints.SenderRejected),
            _ when SmtpReplyCode.IsPermanentNegative(code) => (MailFailureKind.Rejected, (string?)null),
            _ => (MailFailureKind.Transient, SmtpHints.TemporaryFailure),
        };

        var what = exception.Command switch
        {
            SmtpCommand.MailFrom => "refused the sender",
            SmtpCommand.RcptTo => "refused a recipient",
            SmtpCommand.Data or SmtpCommand.EndOfData => "refused the message",
            _ => "answered with an error",
        };

        return Create(kind, $"{host}:{port} {what} ({code} {Truncate(reply)}) during {Describe(stage)}.", hint, exception, code, enhanced, reply);
    }

    private MailDeliveryException FromAuthentication(SmtpReplyException exception)
    {
        var (code, reply) = (exception.Code, exception.Reply);
        return Create(MailFailureKind.Authentication, $"{host}:{port} refused the credentials ({code} {Truncate(reply)}).",
            code == SmtpReplyCode.AuthenticationRequired ? SmtpHints.AuthenticationRequired : SmtpHints.AuthenticationFailed,
            exception, code, EnhancedStatusCode(reply), reply);
    }

    private MailDeliveryException FromRefusedRecipients(AllRecipientsRefusedException exception)
    {
        var first = exception.Refusals[0];
        var allTemporary = exception.Refusals.All(refusal => SmtpReplyCode.IsTransientNegative(refusal.StatusCode));
        var kind = !allTemporary ? MailFailureKind.Rejected
            : exception.Refusals.Any(refusal => LooksRateLimited(refusal.Response)) ? MailFailureKind.RateLimited
            : MailFailureKind.Transient;
        var enhanced = EnhancedStatusCode(first.Response);
        var hint = kind switch
        {
            MailFailureKind.Rejected when IsRelayingDenied(first.StatusCode, enhanced, first.Response) => SmtpHints.RelayingDenied,
            MailFailureKind.Rejected => SmtpHints.RecipientsRejected,
            MailFailureKind.RateLimited => SmtpHints.RateLimited,
            _ => SmtpHints.TemporaryFailure,
        };
        var list = string.Join("; ", exception.Refusals.Select(refusal => $"{refusal.Recipient.Address}: {refusal.StatusCode} {Truncate(refusal.Response)}"));
        return Create(kind, $"{host}:{port} refused every recipient ({list}).", hint, exception, first.StatusCode, enhanced, first.Response);
    }

    private MailDeliveryException FromSocket(SocketException socket, SmtpStage stage, Exception? outer = null) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => Create(MailFailureKind.Connection, $"Connection to {host}:{port} was refused.", SmtpHints.ConnectionRefused(host, port), outer ?? socket),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Create(MailFailureKind.Connection, $"The SMTP host '{host}' was not found.", SmtpHints.HostNotFound(host), outer ?? socket),
        SocketError.TimedOut => FromTimeout(stage, outer ?? socket),
        _ => FromLostConnection(outer ?? socket, stage),
    };

    private MailDeliveryException FromTimeout(SmtpStage stage, Exception exception) => stage switch
    {
        SmtpStage.Connect => ConnectTimedOut(exception),
        SmtpStage.Data => Create(MailFailureKind.Timeout, $"{host}:{port} stopped answering while the message was being transferred.", SmtpHints.ConnectionLostDuringData, exception, mayHaveBeenDelivered: true),
        _ => Create(MailFailureKind.Timeout, $"{host}:{port} stopped answering during {Describe(stage)}.", SmtpHints.ServerSilent(host, port), exception),
    };

    private MailDeliveryException FromLostConnection(Exception exception, SmtpStage stage) => stage == SmtpStage.Data
        ? Create(MailFailureKind.Connection, $"The connection to {host}:{port} was lost during {Describe(stage)}: {FirstLine(exception.Message)}", SmtpHints.ConnectionLostDuringData, exception, mayHaveBeenDelivered: true)
        : Create(MailFailureKind.Connection, $"The connection to {host}:{port} was lost during {Describe(stage)}: {FirstLine(exception.Message)}", SmtpHints.ConnectionLost, exception);

    private MailDeliveryException Create(
        MailFailureKind kind,
        string message,
        string? hint,
        Exception? inner,
        int? statusCode = null,
        string? enhancedStatusCode = null,
        string? serverResponse = null,
        bool mayHaveBeenDelivered = false) =>
        new(kind, message, WithEndpoint(hint), inner)
        {
            TransportName = transportName,
            StatusCode = statusCode,
            EnhancedStatusCode = enhancedStatusCode,
            ServerResponse = serverResponse is null ? null : Truncate(serverResponse),
            MayHaveBeenDelivered = mayHaveBeenDelivered,
        };

    // Every hint says which server it is about, so a log line read alone still names what to look at.
    private string? WithEndpoint(string? hint)
    {
        if (hint is null)
        {
            return null;
        }

        var endpoint = provider is null ? $"{host}:{port}" : $"{host}:{port}, the {provider} preset";
        return hint.Contains($"{host}:{port}", StringComparison.Ordinal) && provider is null ? hint : $"{hint} (Configured: {endpoint}.)";
    }

    // 550 5.7.1 is the classic "relaying denied"; other 5.7.x codes are policy refusals (spam, SPF, DMARC).
    private static bool IsRelayingDenied(int code, string? enhanced, string reply) =>
        reply.Contains("relay", StringComparison.OrdinalIgnoreCase)
        || (code == SmtpReplyCode.MailboxUnavailable && enhanced == "5.7.1");

    private static bool LooksRateLimited(string reply) =>
        reply.Contains("rate", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("throttl", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("too many messages", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("too many connections", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("sending limit", StringComparison.OrdinalIgnoreCase);

    private static string Describe(SmtpStage stage) => stage switch
    {
        SmtpStage.Connect => "connect",
        SmtpStage.Authenticate => "authentication",
        SmtpStage.Envelope => "MAIL FROM/RCPT TO",
        _ => "DATA",
    };

    /// <summary>The RFC 3463 enhanced status code (<c>5.1.1</c>) at the start of a reply's text, if there is one.</summary>
    internal static string? EnhancedStatusCode(string reply)
    {
        var match = EnhancedStatus().Match(reply);
        return match.Success ? match.Value : null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string Truncate(string text) =>
        text.Length <= MaxServerResponseLength ? text : string.Concat(text.AsSpan(0, MaxServerResponseLength), "…");

    // RFC 3463: class.subject.detail at the start of the reply text.
    [GeneratedRegex(@"^[245]\.[0-9]{1,3}\.[0-9]{1,3}(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();
}
