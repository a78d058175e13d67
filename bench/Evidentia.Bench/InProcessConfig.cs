using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Evidentia.Bench;

/// <summary>
/// Benchmarks run in this process (no generated project to restore and build), with the median shown:
/// the figure docs/PERFORMANCE.md reports. Warm: 3 warm-up and 15 measured iterations.
/// </summary>
public class InProcessConfig : ManualConfig
{
    public InProcessConfig()
        : this(Job.Default.WithWarmupCount(3).WithIterationCount(15))
    {
    }

    protected InProcessConfig(Job job)
    {
        AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
