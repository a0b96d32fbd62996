using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Settings come from the command line: --Mailing:Transport=smtp://127.0.0.1:PORT?security=none --Mailing:Queue:Storage=...
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
// One line per entry with its time, so a test can show what a worker did; Logging:LogLevel:* settings raise the detail.
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
    o.UseUtcTimestamp = true;
}).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMailing(builder.Configuration.GetSection("Mailing")).UseQueue(builder.Configuration.GetSection("Mailing:Queue"));
builder.Services.AddMailingWorker();

using var host = builder.Build();
await host.StartAsync();

// The test reads this line to know the worker listens.
Console.WriteLine("worker started");
await host.WaitForShutdownAsync();
