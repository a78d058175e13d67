using Evidentia.Core;
using Evidentia.Core.Answers;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Evidentia.Storage.Sqlite;

namespace Evidentia.Cli;

/// <summary>An open data folder: the SQLite store and the Lucene index derived from it.</summary>
public sealed class Workspace : IAsyncDisposable
{
    private Workspace(DataFolder folder, SqliteDocumentStore store, SearchIndex index)
    {
        Folder = folder;
        Store = store;
        Index = index;
        Searcher = new DocumentSearcher(index, SearchOptions);
    }

    public DataFolder Folder { get; }

    public SqliteDocumentStore Store { get; }

    public SearchIndex Index { get; }

    public SearchOptions SearchOptions { get; } = new();

    public ComposerOptions ComposerOptions { get; } = new();

    public DocumentSearcher Searcher { get; }

    public static async Task<Workspace> OpenAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        folder.EnsureExists();
        var store = await SqliteDocumentStore.OpenAsync(folder.DatabasePath, cancellationToken);
        try
        {
            return new Workspace(folder, store, SearchIndex.Open(folder.IndexPath));
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the store's change feed to the index (or rebuilds it), reporting progress.</summary>
    public Task<int> SyncIndexAsync(bool rebuild, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken) =>
        IndexSynchronizer.SyncAsync(Store, Index, rebuild, progress, cancellationToken);

    public AnswerEngine CreateAnswerEngine() => new(Store, Searcher, SearchOptions, new AnswerComposer(ComposerOptions));

    public async ValueTask DisposeAsync()
    {
        Searcher.Dispose();
        Index.Dispose();
        await Store.DisposeAsync();
    }
}
