using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Mailing.DevInbox.Smtp;

/// <summary>Accepts every sender and recipient (a catcher relays nothing, so nothing is refused) unless chaos strikes.</summary>
internal sealed class ChaosMailboxFilter(ChaosMode chaos) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        chaos.Strike(ChaosStep.MailFrom);
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        chaos.Strike(ChaosStep.RcptTo);
        return Task.FromResult(true);
    }
}
