using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>SmtpServer's mailbox-filter extension point, answering MAIL FROM or RCPT TO with a chosen reply.</summary>
internal sealed class FaultInjectingMailboxFilter(
    Func<string, SmtpResponse?>? onMailFrom = null,
    Func<string, SmtpResponse?>? onRcptTo = null) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Answer(onMailFrom?.Invoke(from.AsAddress()));

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Answer(onRcptTo?.Invoke(to.AsAddress()));

    private static Task<bool> Answer(SmtpResponse? response) =>
        response is null ? Task.FromResult(true) : throw new SmtpResponseException(response);
}
