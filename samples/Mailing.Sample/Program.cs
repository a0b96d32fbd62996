using System.Globalization;
using Mailing;
using Mailing.DevInbox;
using Mailing.Sample;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The main job: render the compiled templates and send them over a real SMTP dialogue
// (EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA, QUIT). By default the server is a local
// inbox started in this process on loopback, so nothing reaches a real mailbox.
// appsettings.json is read from beside the program, so `dotnet run --project` works from any folder.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var mailing = builder.Configuration.GetSection("Mailing");
var useRealServer = mailing["Transport"] is not null || mailing.GetSection("Smtp").Exists();

await using var inbox = useRealServer ? null : await SampleInbox.StartAsync();

if (inbox is null)
{
    builder.Services.AddMailing(mailing);
}
else
{
    builder.Services.AddMailing(mailing).UseSmtp(inbox.ConfigureClient);
}

var host = builder.Build();
await host.StartAsync();
var mailer = host.Services.GetRequiredService<IMailer>();

// Numbers and dates are formatted for the recipient; templates render invariant when no culture is given.
var recipientCulture = CultureInfo.GetCultureInfo("en-US");
foreach (var (email, recipient) in SampleEmails.Create())
{
    var result = await mailer.SendAsync(EmailMessage.FromTemplate(email, recipient, recipientCulture));
    Console.WriteLine($"sent {email.GetType().Name} to {recipient} via {result.TransportName} in {result.Duration.TotalMilliseconds:F0} ms, Message-Id <{result.MessageId}>");
}

// Stopping and disposing the host flushes its console log before the inbox's report is printed.
await host.StopAsync();
host.Dispose();

if (inbox is not null)
{
    var received = await inbox.Inbox.WaitForMessagesAsync(SampleEmails.Count);
    Console.WriteLine();
    Console.WriteLine($"The local inbox on {inbox.Inbox.Address}:{inbox.Inbox.Port} received {received.Count} message(s):");
    foreach (var email in received)
    {
        SampleInbox.Print(email, Console.Out);
    }
}
