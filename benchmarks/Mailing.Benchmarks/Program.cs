using BenchmarkDotNet.Running;
using Mailing.Benchmarks.Messages;
using Mailing.Benchmarks.Rendering;
using Mailing.Benchmarks.Sending;

// `--check` runs only the set-up checks of every suite (same output, messages delivered), in
// seconds, without measuring anything.
if (args is ["--check"])
{
    new TemplateRenderingBenchmarks().VerifyEveryRendererWritesTheSameReceipt();
    Console.WriteLine("Rendering: every renderer writes the same receipt.");

    await new MimeBuildingBenchmarks().VerifyEveryPathWritesTheSameMessage();
    Console.WriteLine("MIME: Mailing and both MimeKit-by-hand paths write the same message.");

    await new DkimSigningBenchmarks().CheckEverySignatureVerifies();
    Console.WriteLine("DKIM: MimeKit's own signature and Mailing's RSA, Ed25519 and dual signatures of the receipt all verify.");

    await new Mailing.Benchmarks.Http.ProviderRequestBenchmarks().CheckEveryPathSendsTheReceipt();
    Console.WriteLine("HTTP APIs: SendGrid, Resend, Postmark and Mailgun each send the receipt and read the provider's answer.");

    await new Mailing.Benchmarks.Dispatch.DispatchOverheadBenchmarks { BodyBytes = 1_000 }.CheckEveryPathAccepts();
    Console.WriteLine("Dispatch: failover, round robin and configured routing each send through the expected transport.");

    var smtp = new SmtpSendBenchmarks();
    await smtp.StartInboxAndVerifyBothPathsDeliver();
    await smtp.StopInbox();
    Console.WriteLine("Sending: every SMTP path delivers the receipt over STARTTLS with AUTH; the pool reuses its connection.");

    foreach (var startTls in new[] { false, true })
    {
        var wire = new SmtpWireSpeedBenchmarks { BodyBytes = 3_000, StartTls = startTls };
        await wire.StartSinkAndCheckEveryPathDelivers();
        await wire.StopSink();
    }

    var pool = new SmtpPoolScalingBenchmarks { Senders = 4 };
    await pool.StartSinkAndCheckEveryPathDelivers();
    await pool.StopSink();
    Console.WriteLine("Wire speed: raw socket, MailKit and Mailing each deliver to the instant sink, with and without STARTTLS, over 1 and 4 connections.");

    foreach (var storage in Mailing.Benchmarks.Queue.QueueBenchmarkHost.Storages())
    {
        var enqueue = new Mailing.Benchmarks.Queue.QueueEnqueueBenchmarks { Storage = storage };
        await enqueue.StartAndCheckBothPathsWork();
        await enqueue.Stop();
        var throughput = new Mailing.Benchmarks.Queue.QueueThroughputBenchmarks { Storage = storage, Workers = 1 };
        await throughput.StartAndCheckEveryMessageArrives();
        await throughput.Stop();
        Console.WriteLine($"Queue ({storage}): enqueueing stores without sending; 1,000 queued messages all arrive at the instant sink.");
    }

    return;
}

// `--wire` is the quick trial with a stopwatch: 1,000 messages of 3 KB per client over plain TCP.
// A sanity check between BenchmarkDotNet runs, not a substitute for them.
if (args is ["--wire"])
{
    await WireSpeedTrial.RunAsync();
    return;
}

// `--wire pool [senders] [messages]` alternates one and N connections, raw and Mailing, and prints each one's scaling.
if (args is ["--wire", "pool", ..])
{
    await WireSpeedTrial.ProfilePoolAsync(
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

// `--wire mailing [messages] [body bytes] [starttls]` alternates the raw floor and Mailing's pooled transport (PoolSize 1)
// for three rounds, prints the ratio of each, then what Mailing allocated by type: the loop to attach dotnet-trace to.
if (args is ["--wire", "mailing", ..])
{
    await WireSpeedTrial.ProfileMailingAsync(
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3_000,
        args is [.., "starttls"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Mailing.Benchmarks.BenchmarkConfig).Assembly).Run(args, Mailing.Benchmarks.BenchmarkConfig.Create());
