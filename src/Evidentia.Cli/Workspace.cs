using System.Text.Json;
using Evidentia.Core;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Evidentia.Semantics;
using Evidentia.Storage.Postgres;
using Evidentia.Storage.Relational;
using Evidentia.Storage.Sqlite;
using Evidentia.Web.Hosting;

namespace Evidentia.Cli;

/// <summary>
/// An open data folder: the database (the folder's SQLite file, or a shared PostgreSQL server when scaled out) with
/// every store on it, and the Lucene index in the folder, derived from the store.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    // Null when the caller holds the folder's lock (a restore rebuilding the index under its own lock).
    private readonly FileStream? _lock;

    private Workspace(DataFolder folder, FileStream? folderLock, Database database, SearchIndex index, bool readOnly = false)
    {
        _lock = folderLock;
        Folder = folder;
        Database = database;
        Store = new DocumentStore(database);
        Conversations = new ConversationStore(database);
        Articles = new ArticleStore(database, TimeProvider.System);
        Users = new UserStore(database);
        Audit = new AuditLog(database, TimeProvider.System, Core.Audit.AuditKey.LoadOrCreate(folder.KeysPath));
        Index = index;
        Dense = DenseIndex.Open(folder.IndexPath, Encoders.ModelName, Encoders.Dimensions, () => Encoders.Default, readOnly);
        Searcher = new DocumentSearcher(index, SearchOptions, dense: Dense);
    }

    public DataFolder Folder { get; }

    /// <summary>The database every store below writes to.</summary>
    public Database Database { get; }

    public DocumentStore Store { get; }

    public ConversationStore Conversations { get; }

    /// <summary>The library of answered questions (the web product keeps every answer it shows).</summary>
    public ArticleStore Articles { get; }

    public UserStore Users { get; }

    public AuditLog Audit { get; }

    public SearchIndex Index { get; }

    /// <summary>The citable documents' sentence vectors, beside the index and derived from it (<see cref="BuildVectors"/>).</summary>
    public DenseIndex Dense { get; }

    public SearchOptions SearchOptions { get; } = new();

    public ComposerOptions ComposerOptions { get; } = new();

    public DocumentSearcher Searcher { get; }

    /// <summary>
    /// Opens the folder (undoing first a restore a crash interrupted); with <paramref name="postgres"/> (a connection string) the stores live in that PostgreSQL
    /// database and the folder holds this node's index replica.
    /// </summary>
    /// <param name="beside">
    /// For commands that do not write the index (stats, backup, audit verify, users): when another process (a running
    /// server) owns the folder, its database is opened beside it (SQLite's write-ahead log lets readers in, and writers
    /// take turns) and its index's last commit is opened for searching only.
    /// </param>
    public static async Task<Workspace> OpenAsync(DataFolder folder, CancellationToken cancellationToken, string? postgres = null, bool beside = false)
    {
        folder.EnsureExists();
        FileStream folderLock;
        try
        {
            folderLock = Lock(folder);
        }
        catch (InvalidOperationException) when (beside)
        {
            return await OpenBesideOwnerAsync(folder, postgres, cancellationToken);
        }

        try
        {
            SqliteBackup.RecoverInterruptedRestore(folder);
            return await OpenLockedAsync(folder, folderLock, cancellationToken, postgres);
        }
        catch
        {
            await folderLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens the folder whose lock (<see cref="Lock"/>) is held: released with the workspace when given as
    /// <paramref name="folderLock"/>, kept by the caller when null (a restore rebuilding the index).
    /// </summary>
    internal static async Task<Workspace> OpenLockedAsync(DataFolder folder, FileStream? folderLock, CancellationToken cancellationToken, string? postgres = null)
    {
        Database? database = null;
        try
        {
            database = string.IsNullOrWhiteSpace(postgres)
                ? await SqliteDatabase.OpenAsync(folder.DatabasePath, cancellationToken)
                : await PostgresDatabase.OpenAsync(postgres, cancellationToken);
            return new Workspace(folder, folderLock, database, SearchIndex.Open(folder.IndexPath));
        }
        catch
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<Workspace> OpenBesideOwnerAsync(DataFolder folder, string? postgres, CancellationToken cancellationToken)
    {
        Database database = string.IsNullOrWhiteSpace(postgres)
            ? await SqliteDatabase.OpenAsync(folder.DatabasePath, cancellationToken)
            : await PostgresDatabase.OpenAsync(postgres, cancellationToken);
        try
        {
            return new Workspace(folder, null, database, SearchIndex.Open(folder.IndexPath, readOnly: true), readOnly: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the store's change feed to the index (or rebuilds it), reporting progress.</summary>
    public Task<int> SyncIndexAsync(bool rebuild, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken) =>
        IndexSynchronizer.SyncAsync(Store, Index, rebuild, progress, cancellationToken);

    /// <summary>
    /// Encodes the sentence vectors the index's documents do not have yet (each chunk durable before the next, so an
    /// interrupted build resumes where it stopped); returns how many texts were encoded.
    /// </summary>
    public int BuildVectors(IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken) =>
        Index.WithSearcher(searcher => Dense.Build(searcher, progress, cancellationToken));

    /// <summary>
    /// An answer engine over this folder, with the extractive composer unless another is given, the emergency
    /// classifier over the process's encoder, and the shipped answerability model.
    /// </summary>
    public AnswerEngine CreateAnswerEngine(IAnswerComposer? composer = null) =>
        new(Store, Searcher, SearchOptions, composer ?? new AnswerComposer(ComposerOptions), Conversations, Encoders.Emergencies, AnswerabilityModels.Shipped);

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
        Dense.Dispose();
        Index.Dispose();
        await Database.DisposeAsync();
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }
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
