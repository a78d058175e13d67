using Evidentia.Core.Documents;

namespace Evidentia.Search.Indexing;

/// <summary>
/// Brings the index up to the store: applies the change feed after the index's committed sequence
/// number and commits once at the end, so an interrupted sync leaves the previous commit in place.
/// </summary>
public static class IndexSynchronizer
{
    private const int PageSize = 2000;

    /// <summary>Applies pending changes; returns how many documents were (re)indexed.</summary>
    /// <param name="rebuild">Start from an empty index and apply the whole feed.</param>
    public static async Task<int> SyncAsync(
        IDocumentStore store, SearchIndex index, bool rebuild, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        await index.SyncLock.WaitAsync(cancellationToken);
        try
        {
            return await SyncLockedAsync(store, index, rebuild, progress, cancellationToken);
        }
        finally
        {
            index.SyncLock.Release();
        }
    }

    private static async Task<int> SyncLockedAsync(
        IDocumentStore store, SearchIndex index, bool rebuild, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken);
        // An index ahead of its store belongs to another store (the database was replaced): rebuild it.
        rebuild |= index.CommittedSequence > last;
        var from = rebuild ? 0 : index.CommittedSequence;
        if (!rebuild && from == last)
        {
            return 0;
        }

        // From the start of the feed, the index starts empty (a new index is already): each document then comes once.
        var fromStart = from == 0;
        if (fromStart)
        {
            index.Clear();
        }

        var applied = 0;
        var total = last - from;
        var start = from;
        await foreach (var changes in Feed(store, from, cancellationToken))
        {
            index.Apply(changes, fromStart);
            applied += changes.Count;
            from = changes[^1].Sequence;
            progress?.Report((from - start, total));
        }

        index.Commit(Math.Max(from, last));
        return applied;
    }

    // The store's change feed after a sequence number, page by page, to its end.
    private static async IAsyncEnumerable<IReadOnlyList<DocumentChange>> Feed(
        IDocumentStore store, long after, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await store.GetChangesAsync(after, PageSize, cancellationToken) is { Count: > 0 } page)
        {
            yield return page;
            after = page[^1].Sequence;
        }
    }
}
