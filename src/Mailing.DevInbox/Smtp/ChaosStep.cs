namespace Mailing.DevInbox;

/// <summary>The SMTP step chaos mode answers with a failure.</summary>
public enum ChaosStep
{
    /// <summary>The <c>AUTH</c> command.</summary>
    Auth,

    /// <summary>The <c>MAIL FROM</c> command.</summary>
    MailFrom,

    /// <summary>Each <c>RCPT TO</c> command.</summary>
    RcptTo,

    /// <summary>The end of <c>DATA</c>, after the message body arrived.</summary>
    Data,
}
