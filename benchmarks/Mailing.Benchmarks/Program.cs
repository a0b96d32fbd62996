using BenchmarkDotNet.Running;
using Mailing.Benchmarks.Rendering;

// `--check` runs only the equivalence checks of every suite's set-up, in seconds, without measuring.
if (args is ["--check"])
{
    new TemplateRenderingBenchmarks().VerifyEveryRendererWritesTheSameReceipt();
    Console.WriteLine("Every renderer writes the same receipt.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
