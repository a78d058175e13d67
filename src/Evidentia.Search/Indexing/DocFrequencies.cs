using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Evidentia.Search.Indexing;

/// <summary>
/// Document frequencies of many terms of one field of one index snapshot, each looked up with one terms enumerator per
/// segment that is sought again and again: <see cref="IndexReader.DocFreq"/> opens new ones for every term, which for
/// the hundreds of terms of a question's candidates costs more than the search. Counts include deleted documents until
/// Lucene merges them away, as <see cref="IndexReader.DocFreq"/>'s do. Not thread-safe: one per question.
/// </summary>
public sealed class DocFrequencies(IndexReader reader, string field)
{
    private readonly List<TermsEnum> _segments = reader.Leaves.Select(l => l.AtomicReader.GetTerms(field)?.GetEnumerator()).OfType<TermsEnum>().ToList();

    /// <summary>How many documents have <paramref name="term"/> in the field.</summary>
    public int Of(string term)
    {
        var bytes = new BytesRef(term);
        var count = 0;
        foreach (var segment in _segments)
        {
            count += segment.SeekExact(bytes) ? segment.DocFreq : 0;
        }

        return count;
    }
}
