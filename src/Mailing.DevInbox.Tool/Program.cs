using Mailing.DevInbox;

var (options, error) = DevCommandLine.Parse(args);
if (options is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        await Console.Error.WriteLineAsync(error);
    }

    Console.WriteLine(DevCommandLine.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

await using var inbox = await DevInboxApp.StartAsync(options, stopping.Token);
var host = options.BindAddress.ToString();
Console.WriteLine($"Mailing dev inbox — nothing is relayed");
Console.WriteLine($"  SMTP       smtp://{host}:{inbox.SmtpPort}{(options.StartTls ? " (STARTTLS offered)" : "")}");
Console.WriteLine($"  Web inbox  {inbox.HttpAddress}");
Console.WriteLine($"  REST API   {inbox.HttpAddress}api/messages");
if (options.Chaos is { } chaos)
{
    Console.WriteLine($"  CHAOS ON   {chaos.Step} answers {chaos.Code} for {chaos.Rate:P0} of attempts");
}

Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C.
}

return 0;
