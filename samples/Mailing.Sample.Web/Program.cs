using Mailing.Sample.Web;

// The main job: an ASP.NET app that sends typed, compiled emails. In Development they go to the
// dev inbox embedded in this process (SMTP on localhost:4125, web inbox at /_mailing/), so
// nothing reaches a real mailbox. `-- --once` sends every sample, checks that each arrived
// and exits: that is what CI runs.
// The content root is the build output, so `dotnet run --project` works from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var once = args.Contains("--once");

builder.Services.AddMailing(builder.Configuration.GetSection("Mailing"));
builder.Services.AddSingleton<SampleEmailSender>();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddMailingDevInbox();
}

var app = builder.Build();
app.MapGet("/", HomePage.Render);
app.MapSampleEmails();
if (app.Environment.IsDevelopment())
{
    app.MapMailingDevInbox("/_mailing");
}

await app.StartAsync();
var site = SiteAddress.Of(app);
if (!app.Environment.IsDevelopment())
{
    // Outside Development nothing is sent on its own: mail goes out only when an endpoint is called.
    Console.WriteLine($"Sample shop on {site}; emails go through Mailing:Transport.");
    if (once)
    {
        Console.Error.WriteLine("--once checks delivery in the embedded dev inbox, which runs only in Development.");
        await app.StopAsync();
        return 1;
    }

    await app.WaitForShutdownAsync();
    return 0;
}

// Tests that drive the app themselves turn the start-up run off (Sample:SendOnStart=false), so
// their own sends are the only ones in the inbox.
if (!once && !app.Configuration.GetValue("Sample:SendOnStart", defaultValue: true))
{
    Console.WriteLine($"Sample shop on {site}, its dev inbox on {site}_mailing/.");
    await app.WaitForShutdownAsync();
    return 0;
}

Console.WriteLine($"Sample shop on {site}, its dev inbox on {site}_mailing/. Sending each sample email once:");
var run = await StartupRun.SendAllAsync(app.Services.GetRequiredService<SampleEmailSender>(), Console.Out, app.Lifetime.ApplicationStopping);
if (once)
{
    using var client = new HttpClient { BaseAddress = site };
    var verified = await InboxVerifier.VerifyAsync(client, run, Console.Out, InboxVerifier.DefaultPatience, app.Lifetime.ApplicationStopping);
    await app.StopAsync();
    return verified ? 0 : 1;
}

Console.WriteLine($"Read them at {site}_mailing/ · send again from {site} · Ctrl+C to stop.");
await app.WaitForShutdownAsync();
return 0;
