using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>
/// Numbers references in order of first use and builds the cited item with the exact quote behind each
/// citation: the one mechanism both composers cite through.
/// </summary>
public sealed class ReferenceBook
{
    private readonly List<Reference> _references = [];
    private readonly Dictionary<DocumentKey, int> _numbers = [];

    public IReadOnlyList<Reference> References => _references;

    public bool Cites(DocumentKey key) => _numbers.ContainsKey(key);

    /// <summary>The item for <paramref name="text"/>, citing every passage of <paramref name="evidence"/> with its quote.</summary>
    public AnswerItem Item(string text, IEnumerable<ScoredPassage> evidence)
    {
        var citations = new List<int>();
        var quotes = new List<Quote>();
        foreach (var passage in evidence)
        {
            var document = passage.Document;
            if (!_numbers.TryGetValue(document.Key, out var n))
            {
                n = _references.Count + 1;
                _numbers[document.Key] = n;
                _references.Add(new Reference(n, document.Id, document.Collection, document.Title, document.Source, document.Year, document.EvidenceLevel, document.Url));
            }

            if (!citations.Contains(n))
            {
                citations.Add(n);
            }

            var span = passage.Passage.Span;
            quotes.Add(new Quote(n, document.Id, document.Collection, span.Start, span.End, passage.Text));
        }

        return new AnswerItem(text, citations, quotes);
    }
}
