using Evidentia.Cli;
using Evidentia.Core;

namespace Evidentia.Tests.Support;

/// <summary>A workspace (store and index) in a temporary data folder of its own.</summary>
public sealed class TestWorkspace : IAsyncDisposable
{
    private TestWorkspace(TempFolder folder, Workspace workspace)
    {
        Folder = folder;
        Workspace = workspace;
    }

    public TempFolder Folder { get; }

    public Workspace Workspace { get; }

    public static async Task<TestWorkspace> CreateAsync()
    {
        var folder = new TempFolder();
        return new TestWorkspace(folder, await Workspace.OpenAsync(new DataFolder(folder.Combine("data")), CancellationToken.None));
    }

    /// <summary>A workspace whose store and index hold <paramref name="documents"/>.</summary>
    public static async Task<TestWorkspace> IndexedAsync(IEnumerable<Core.Documents.Document> documents)
    {
        var test = await CreateAsync();
        await test.Workspace.Store.UpsertAsync([.. documents], CancellationToken.None);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        Folder.Dispose();
    }
}
