using System.Net;
using BenchmarkDotNet.Attributes;
using Mailing.Benchmarks.Rendering;
using Mailing.Transports;
using Mailing.Transports.Http.Mailgun;
using Mailing.Transports.Http.Postmark;
using Mailing.Transports.Http.Resend;
using Mailing.Transports.Http.SendGrid;
using Mailing.Transports.Local;

namespace Mailing.Benchmarks.Http;

/// <summary>
/// Handing the rendered receipt to each provider's HTTP API (the JSON or form request built, serialized and read by
/// an API that answers at once, in process) against building and serializing its MIME (what SMTP sends). The HTTP
/// path never builds MIME, so it should cost less.
/// </summary>
[MemoryDiagnoser]
public class ProviderRequestBenchmarks
{
    private readonly InMemoryTransport mime = new();
    private readonly Dictionary<string, (IEmailTransport Transport, InstantApiHandler Api)> apis = [];
    private EmailMessage message = null!;

    [GlobalSetup]
    public async Task CheckEveryPathSendsTheReceipt()
    {
        message = ReceiptData.Message() with { MessageId = "receipt-1042@acme.example", Tags = ["receipt"] };

        var endpoint = new Uri("https://api.example.test/");
        Add("sendgrid", new InstantApiHandler(HttpStatusCode.Accepted, "", "sg-1"), h => new SendGridTransport(new SendGridOptions { ApiKey = "SG.key", Endpoint = endpoint }, new HttpClient(h)));
        Add("resend", new InstantApiHandler(HttpStatusCode.OK, """{"id":"re-1"}"""), h => new ResendTransport(new ResendOptions { ApiKey = "re_key", Endpoint = endpoint }, new HttpClient(h)));
        Add("postmark", new InstantApiHandler(HttpStatusCode.OK, """{"ErrorCode":0,"Message":"OK","MessageID":"pm-1","To":"zoe@example.com","SubmittedAt":"2026-12-03T10:00:00Z"}"""), h => new PostmarkTransport(new PostmarkOptions { ApiKey = "server-token", Endpoint = endpoint }, new HttpClient(h)));
        Add("mailgun", new InstantApiHandler(HttpStatusCode.OK, """{"id":"<mg-1@mg.acme.example>","message":"Queued. Thank you."}"""), h => new MailgunTransport(new MailgunOptions { ApiKey = "key-1", Domain = "mg.acme.example", Endpoint = endpoint }, new HttpClient(h)));

        await mime.SendAsync(message);
        foreach (var (name, (transport, api)) in apis)
        {
            var result = await transport.SendAsync(message);
            if (result.ProviderMessageId is null || api.LastBodyLength < message.HtmlBody!.Length)
            {
                throw new InvalidOperationException($"{name} did not send the receipt ({api.LastBodyLength} bytes).");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "MIME: EmailMessage to MIME bytes (what SMTP sends)")]
    public Task<SendResult> Mime()
    {
        mime.Clear();
        return mime.SendAsync(message);
    }

    [Benchmark(Description = "SendGrid: JSON request, sent and answered")]
    public Task<SendResult> SendGrid() => apis["sendgrid"].Transport.SendAsync(message);

    [Benchmark(Description = "Resend: JSON request, sent and answered")]
    public Task<SendResult> Resend() => apis["resend"].Transport.SendAsync(message);

    [Benchmark(Description = "Postmark: JSON request, sent and answered")]
    public Task<SendResult> Postmark() => apis["postmark"].Transport.SendAsync(message);

    [Benchmark(Description = "Mailgun: multipart form, sent and answered")]
    public Task<SendResult> Mailgun() => apis["mailgun"].Transport.SendAsync(message);

    private void Add(string name, InstantApiHandler api, Func<InstantApiHandler, IEmailTransport> create) => apis[name] = (create(api), api);
}
