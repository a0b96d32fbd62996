namespace Mailing.DevInbox.Tests.Browser;

/// <summary>Messages the browser tests send: a realistic transactional email, and plain ones to fill a list.</summary>
internal static class SampleMail
{
    public static readonly byte[] LogoPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGNQCagiCTGMahjVMHw1AAAyZO4BenJfeQAAAABJRU5ErkJggg==");

    public static EmailMessage OrderShipped(string subject) => new()
    {
        From = new EmailAddress("orders@shop.example", "Example Shop"),
        To = [new EmailAddress("ann@example.net", "Ann Lee")],
        Subject = subject,
        TextBody = "Hi Ann, order 1042 is on its way and should arrive on Friday. Track it: https://shop.example/orders/1042",
        HtmlBody = """
            <div style="font-family:Helvetica,Arial,sans-serif;background:#f4f6f8;padding:24px 12px">
              <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:28px">
                <img src="cid:logo" alt="Example Shop" width="40" height="40" style="display:block;border-radius:8px">
                <h1 id="headline" style="font-size:22px;color:#1c2430;margin:18px 0 8px">Your order has shipped</h1>
                <p style="color:#3d4756;font-size:15px;line-height:1.5">Hi Ann, order <b>#1042</b> is on its way and should arrive on <b>Friday</b>.</p>
                <p style="margin:24px 0"><a href="https://shop.example/orders/1042" style="background:#24507a;color:#ffffff;padding:11px 18px;border-radius:6px;text-decoration:none;font-weight:bold">Track your parcel</a></p>
                <p style="color:#8a94a3;font-size:12px">Example Shop · 1 Market Street · <a href="https://shop.example/unsubscribe" style="color:#8a94a3">Unsubscribe</a></p>
              </div>
            </div>
            """,
        InlineResources = [new InlineResource("logo", LogoPng, "image/png", "logo.png")],
        Attachments = [new EmailAttachment("invoice-1042.txt", "Invoice 1042: 2 items, 48.00 EUR"u8.ToArray(), "text/plain")],
    };

    public static EmailMessage Plain(string subject, string to, string from = "app@example.com") => new()
    {
        From = new EmailAddress(from),
        To = [new EmailAddress(to)],
        Subject = subject,
        TextBody = $"{subject}.",
        HtmlBody = $"<p>{subject}.</p>",
    };

    public static async Task SendAsync(RunningInbox inbox, params EmailMessage[] messages)
    {
        await using var transport = inbox.Transport();
        foreach (var message in messages)
        {
            await transport.SendAsync(message, RunningInbox.Timeout());
        }
    }
}
