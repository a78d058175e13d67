using Evidentia.Core;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Evidentia.Storage.Sqlite;
using Evidentia.Web.Hosting;

namespace Evidentia.Cli;

/// <summary>An open data folder: the SQLite store and the Lucene index derived from it.</summary>
public sealed class Workspace : IAsyncDisposable
{
    private readonly FileStream _lock;

    private Workspace(
        DataFolder folder, FileStream folderLock, SqliteDocumentStore store, SqliteConversationStore conversations, SqliteArticleStore articles,
        SqliteUserStore users, SqliteAuditLog audit, SearchIndex index)
    {
        _lock = folderLock;
        Conversations = conversations;
        Articles = articles;
        Users = users;
        Audit = audit;
        Folder = folder;
        Store = store;
        Index = index;
        Searcher = new DocumentSearcher(index, SearchOptions);
    }

    public DataFolder Folder { get; }

    public SqliteDocumentStore Store { get; }

    public SqliteConversationStore Conversations { get; }

    /// <summary>The library of answered questions (the web product keeps every answer it shows).</summary>
    public SqliteArticleStore Articles { get; }

    public SqliteUserStore Users { get; }

    public SqliteAuditLog Audit { get; }

    public SearchIndex Index { get; }

    public SearchOptions SearchOptions { get; } = new();

    public ComposerOptions ComposerOptions { get; } = new();

    public DocumentSearcher Searcher { get; }

    public static async Task<Workspace> OpenAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        folder.EnsureExists();
        var folderLock = Lock(folder);
        SqliteDocumentStore? store = null;
        SqliteConversationStore? conversations = null;
        SqliteArticleStore? articles = null;
        SqliteUserStore? users = null;
        SqliteAuditLog? audit = null;
        try
        {
            store = await SqliteDocumentStore.OpenAsync(folder.DatabasePath, cancellationToken);
            conversations = await SqliteConversationStore.OpenAsync(folder.DatabasePath, cancellationToken);
            articles = await SqliteArticleStore.OpenAsync(folder.DatabasePath, cancellationToken);
            users = await SqliteUserStore.OpenAsync(folder.DatabasePath, cancellationToken);
            audit = await SqliteAuditLog.OpenAsync(folder.DatabasePath, cancellationToken);
            return new Workspace(folder, folderLock, store, conversations, articles, users, audit, SearchIndex.Open(folder.IndexPath));
        }
        catch
        {
            foreach (var opened in new IAsyncDisposable?[] { audit, users, articles })
            {
                if (opened is not null)
                {
                    await opened.DisposeAsync();
                }
            }

            if (conversations is not null)
            {
                await conversations.DisposeAsync();
            }

            if (store is not null)
            {
                await store.DisposeAsync();
            }

            await folderLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the store's change feed to the index (or rebuilds it), reporting progress.</summary>
    public Task<int> SyncIndexAsync(bool rebuild, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken) =>
        IndexSynchronizer.SyncAsync(Store, Index, rebuild, progress, cancellationToken);

    /// <summary>An answer engine over this folder, with the extractive composer unless another is given.</summary>
    public AnswerEngine CreateAnswerEngine(IAnswerComposer? composer = null) =>
        new(Store, Searcher, SearchOptions, composer ?? new AnswerComposer(ComposerOptions), Conversations);

    /// <summary>What the web product runs on: this folder's store, index, answer engine, library and conversations.</summary>
    public EvidentiaBackend CreateWebBackend(IAnswerComposer? composer = null) =>
        new(Store, Index, Searcher, CreateAnswerEngine(composer), Articles, Conversations, Users, Audit,
            JsonSerializer.SerializeToElement(new { search = SearchOptions, composer = ComposerOptions }, AnswerJson.Options));

    /// <summary>Sends approved articles whose cited documents changed back to review (living answers); returns their ids.</summary>
    public Task<IReadOnlyList<string>> RecheckArticlesAsync(CancellationToken cancellationToken) =>
        new LivingArticles(Articles, Store, Audit).CheckAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Searcher.Dispose();
        Index.Dispose();
        await Audit.DisposeAsync();
        await Users.DisposeAsync();
        await Articles.DisposeAsync();
        await Conversations.DisposeAsync();
        await Store.DisposeAsync();
        await _lock.DisposeAsync();
    }

    // One process at a time owns a data folder: its index has one writer. An exclusive open is an advisory
    // lock (flock) on Linux, released by the OS when the process ends, however it ends.
    internal static FileStream Lock(DataFolder folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder.Path, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The data folder {folder.Path} is in use by another Evidentia process; wait for it to finish.", e);
        }
    }
}
