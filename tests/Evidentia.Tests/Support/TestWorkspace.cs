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

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        Folder.Dispose();
    }
}
