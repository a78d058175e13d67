using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Evidentia.Core.Documents;

namespace Evidentia.Bench;

/// <summary>
/// Whether two documents carry the same text: at least 80% of the 5-word shingles of the shorter are in the
/// longer (a MEDIQA answer and the MedQuAD page it quotes, two NIH sites with one page). For training labels only.
/// </summary>
public sealed partial class NearCopies(IEnumerable<Document> documents)
{
    private readonly Dictionary<DocumentKey, Document> _documents = documents.ToDictionary(d => d.Key);
    private readonly ConcurrentDictionary<DocumentKey, HashSet<string>> _shingles = new();

    public bool Same(DocumentKey a, DocumentKey b)
    {
        var x = Shingles(a);
        var y = Shingles(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }

        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        return small.Count(large.Contains) >= 0.8 * small.Count;
    }

    private HashSet<string> Shingles(DocumentKey key) => _shingles.GetOrAdd(key, k =>
    {
        if (!_documents.TryGetValue(k, out var document))
        {
            return [];
        }

        var words = Word().Matches(document.Text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        return Enumerable.Range(0, Math.Max(0, words.Length - 4)).Select(i => string.Join(' ', words, i, 5)).ToHashSet(StringComparer.Ordinal);
    });

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
