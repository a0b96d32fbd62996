using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Mailing.Benchmarks;

/// <summary>
/// A short job that is still a real measurement: one launch, three warm-up iterations and ten
/// measured ones (ShortRun's three leave error bars wider than the differences on a shared machine).
/// BenchmarkDotNet's two-minute limit on building each generated project is raised to ten: on this shared machine the
/// build alone took longer than two minutes under other engineers' builds.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddJob(Job.ShortRun.WithIterationCount(10).WithId("Short10").AsDefault()).WithBuildTimeout(TimeSpan.FromMinutes(10));
}
