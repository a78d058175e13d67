using System.IO.Hashing;
using System.Text;
using Evidentia.Core.Documents;

namespace Evidentia.Search.Indexing;

/// <summary>
/// The documents word vectors learn from (<see cref="WordVectors.Train"/>), gathered from the store's change feed in
/// bounded memory: each document by its first <see cref="WordVectors.MaxTermsPerDocument"/> terms, each term's string
/// held once, and at most its budget of terms in all. Past the budget, the documents whose keys hash highest are
/// dropped (and any later one hashing as high is never taken), so the sample is the same whatever the order of the
/// feed, and a corpus within the budget is learned from whole, in feed order. Learning then costs time and memory in
/// proportion to the budget, not to the corpus (a million PubMed passages teach the words no better than a third of them).
/// </summary>
public sealed class TrainingSample(long budget)
{
    /// <summary>Terms learned from at most: about twice the shared corpora's 3.8 million, which are learned from whole.</summary>
    public const long DefaultBudget = 8_000_000;

    private readonly Dictionary<DocumentKey, (string[] Terms, ulong Hash)> _documents = [];
    private readonly PriorityQueue<DocumentKey, ulong> _highest = new(Comparer<ulong>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private ulong _ceiling = ulong.MaxValue;

    /// <summary>Terms held now.</summary>
    public long Terms { get; private set; }

    /// <summary>Documents dropped to keep within the budget.</summary>
    public int Dropped { get; private set; }

    /// <summary>The documents held, in the order they were set (feed order).</summary>
    public IReadOnlyCollection<IReadOnlyList<string>> Documents => _documents.Values.Select(d => (IReadOnlyList<string>)d.Terms).ToList();

    /// <summary>Sets a document's terms (replacing what it had).</summary>
    public void Set(DocumentKey key, IEnumerable<string> terms)
    {
        Remove(key);
        var hash = Hash(key);
        if (hash >= _ceiling)
        {
            Dropped++;
            return;
        }

        var held = terms.Take(WordVectors.MaxTermsPerDocument).Select(Intern).ToArray();
        _documents[key] = (held, hash);
        _highest.Enqueue(key, hash);
        Terms += held.Length;
        while (Terms > budget && _highest.TryDequeue(out var highest, out var h))
        {
            // A key dequeued may have been removed or set again since: only its current entry counts.
            if (_documents.TryGetValue(highest, out var entry) && entry.Hash == h)
            {
                _documents.Remove(highest);
                Terms -= entry.Terms.Length;
                Dropped++;
                _ceiling = Math.Min(_ceiling, h);
            }
        }
    }

    /// <summary>Removes a document (deleted, or no longer citable).</summary>
    public void Remove(DocumentKey key)
    {
        if (_documents.Remove(key, out var entry))
        {
            Terms -= entry.Terms.Length;
        }
    }

    private string Intern(string term)
    {
        if (!_strings.TryGetValue(term, out var held))
        {
            _strings[term] = held = term;
        }

        return held;
    }

    private static ulong Hash(DocumentKey key) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key.Collection + "\u001f" + key.Id));
}
