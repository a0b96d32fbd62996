using Mailing.DevInbox;
using Mailing.Transports.Smtp;
using SmtpServer.Storage;

namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>Starts real loopback servers and transports pointed at them, with the test certificate trusted explicitly.</summary>
internal static class SmtpTestRig
{
    public const string Username = "mailer";
    public const string Password = "s3cret-Pa55word";

    /// <summary>Bounds every wait in the tests so a broken behaviour fails instead of hanging; it never decides a pass.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<LocalSmtpInbox> StartInboxAsync(
        InboxTlsMode tls = InboxTlsMode.StartTls,
        bool requireAuth = true,
        IMailboxFilter? filter = null,
        Func<ReceivedEmail, CancellationToken, Task>? beforeStore = null) =>
        LocalSmtpInbox.StartAsync(new LocalSmtpInboxOptions
        {
            Tls = tls,
            Certificate = tls == InboxTlsMode.None ? null : TestCertificates.Server,
            Username = requireAuth ? Username : null,
            Password = requireAuth ? Password : null,
            MailboxFilter = filter,
            BeforeStore = beforeStore,
        });

    public static SmtpOptions OptionsFor(LocalSmtpInbox inbox, bool trustTestCertificate = true)
    {
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = inbox.Port,
            Security = inbox.Options.Tls switch
            {
                InboxTlsMode.ImplicitTls => SmtpSecurity.ImplicitTls,
                InboxTlsMode.StartTls => SmtpSecurity.StartTls,
                _ => SmtpSecurity.None,
            },
            Username = inbox.Options.Username,
            Password = inbox.Options.Password,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            OperationTimeout = TimeSpan.FromSeconds(10),
            SendTimeout = Patience,
        };
        if (trustTestCertificate)
        {
            options.TrustedCertificates.Add(TestCertificates.PublicPart);
        }

        return options;
    }

    public static SmtpOptions OptionsFor(ScriptedSmtpServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SmtpSecurity.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        OperationTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = Patience,
    };

    public static EmailMessage Message(string subject = "Your order 1042", params string[] to) => new()
    {
        From = new EmailAddress("shop@example.com", "Example Shop"),
        To = (to.Length == 0 ? ["ann@example.net"] : to).Select(address => new EmailAddress(address)).ToArray(),
        Subject = subject,
        TextBody = "Thanks for your order.",
        HtmlBody = "<p>Thanks for your <b>order</b>.</p>",
    };

    /// <summary>A loopback port nothing listens on (it was free a moment ago), for refused connections.</summary>
    public static int UnusedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An SMTP transport to a loopback port nothing listens on: every send is a refused connection.</summary>
    public static SmtpTransport DeadTransport(string name) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = UnusedLoopbackPort(), Security = SmtpSecurity.None, ConnectTimeout = TimeSpan.FromSeconds(5) }, name: name);

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;
}
