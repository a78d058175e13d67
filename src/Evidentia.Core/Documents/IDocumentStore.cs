namespace Evidentia.Core.Documents;

/// <summary>
/// The system of record for documents (SQLite embedded, PostgreSQL scaled out). Every write that
/// changes a document bumps a store-wide sequence number; the search index follows the change feed.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Writes a batch atomically: all of it or none of it. A document whose content hash is unchanged
    /// is left alone (no new sequence number); a changed one replaces its old version.
    /// </summary>
    Task<StoreWriteResult> UpsertAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every document read from one source file, atomically, and removes the documents that came from that file
    /// before and are not among <paramref name="documents"/> (each removal is a change of the feed, so indexes drop it).
    /// Call it only with a file read whole, without problems: a skipped record must not remove its earlier version.
    /// </summary>
    Task<StoreWriteResult> ReplaceSourceAsync(string sourceFile, IReadOnlyList<Document> documents, CancellationToken cancellationToken);

    /// <summary>Documents changed after <paramref name="afterSequence"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DocumentChange>> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence number written so far (0 for an empty store).</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The documents with these keys that exist (and were not removed), in no particular order.</summary>
    Task<IReadOnlyList<Document>> GetAsync(IReadOnlyCollection<DocumentKey> keys, CancellationToken cancellationToken);

    /// <summary>The documents with this id in any collection (ids are unique within a collection only).</summary>
    Task<IReadOnlyList<Document>> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Counts of documents per collection (citable and question-only).</summary>
    Task<IReadOnlyList<CollectionStats>> GetStatsAsync(CancellationToken cancellationToken);
}
