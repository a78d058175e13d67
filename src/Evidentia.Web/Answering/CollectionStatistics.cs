using Evidentia.Core.Documents;

namespace Evidentia.Web.Answering;

/// <summary>
/// Counts of documents per collection for the about page, computed once per store sequence: counting reads every
/// document (about 150 ms over the shared corpora), and the counts change only when the store does.
/// </summary>
public sealed class CollectionStatistics(IDocumentStore store)
{
    private sealed record Counted(long Sequence, IReadOnlyList<CollectionStats> Stats);

    private Counted? _counted;

    public async Task<IReadOnlyList<CollectionStats>> GetAsync(CancellationToken cancellationToken)
    {
        var sequence = await store.GetLastSequenceAsync(cancellationToken);
        if (_counted is { } counted && counted.Sequence == sequence)
        {
            return counted.Stats;
        }

        var stats = await store.GetStatsAsync(cancellationToken);
        _counted = new Counted(sequence, stats);
        return stats;
    }
}
