using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Evidentia.Bench;

/// <summary>For long operations measured cold: one invocation an iteration, three iterations, no warm-up.</summary>
public sealed class ColdRunConfig : InProcessConfig
{
    public ColdRunConfig()
        : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(0).WithIterationCount(3))
    {
    }
}
