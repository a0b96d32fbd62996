using Mailing.Queue;
using Microsoft.Extensions.Configuration;

// The same settings the application reads: appsettings.json in the working directory, then the environment
// (Mailing__Queue__Storage); --storage on the command line wins over both.
var configuration = new ConfigurationBuilder()
    .SetBasePath(Directory.GetCurrentDirectory())
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await MailQueueCommandLine.RunAsync(args, configuration, Console.Out, cancel.Token);
