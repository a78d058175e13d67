using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Ingestion;

namespace Evidentia.Tests.Support;

/// <summary>
/// One data folder with every corpus of <c>../shared/data</c> ingested and indexed, shared by the tests of
/// the <see cref="SharedCorpusCollection"/> so the suite ingests the real data once.
/// </summary>
public sealed class SharedCorpusFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>Null when the shared data is missing outside CI.</summary>
    public Workspace? Workspace { get; private set; }

    public IngestReport? Report { get; private set; }

    public string? DataFolder { get; private set; }

    public async Task InitializeAsync()
    {
        DataFolder = SharedData.Folder;
        if (DataFolder is null)
        {
            return;
        }

        Workspace = await Evidentia.Cli.Workspace.OpenAsync(new DataFolder(_folder.Combine("data")), CancellationToken.None);
        Report = await new Ingestor(Workspace.Store).IngestAsync([DataFolder], null, null, null, CancellationToken.None);
        await Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Workspace is not null)
        {
            await Workspace.DisposeAsync();
        }

        _folder.Dispose();
    }
}
