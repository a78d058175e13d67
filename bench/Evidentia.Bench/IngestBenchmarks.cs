using BenchmarkDotNet.Attributes;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Ingestion;

namespace Evidentia.Bench;

/// <summary>Ingest and index every shared corpus into a new data folder: one cold run an iteration.</summary>
[Config(typeof(ColdRunConfig))]
public class IngestBenchmarks
{
    private string _folder = "";

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Path.GetTempPath(), "evidentia-bench-ingest-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int IngestAndIndexAllSharedCorpora()
    {
        var workspace = Workspace.OpenAsync(new DataFolder(_folder), CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            var report = new Ingestor(workspace.Store).IngestAsync([BenchData.SharedData], null, null, null, CancellationToken.None).GetAwaiter().GetResult();
            return report.DocumentsRead + workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            workspace.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
