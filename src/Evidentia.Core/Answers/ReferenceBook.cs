using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>
/// Numbers references in order of first use and builds the cited item with the exact quote behind each
/// citation: the one mechanism both composers cite through. One web page is one reference: the documents one
/// page is stored as (MedQuAD's sections of a page, MEDIQA's copies of it), which give the same address and
/// title, share its number, and each is listed under it with its own quotes.
/// </summary>
public sealed class ReferenceBook
{
    private readonly List<Reference> _references = [];
    private readonly Dictionary<DocumentKey, int> _numbers = [];
    private readonly Dictionary<(string Url, string Title), int> _pages = [];
    private int _last;

    /// <summary>Every cited document with its number, by number (the documents of one page together, in order of use).</summary>
    public IReadOnlyList<Reference> References => _references.OrderBy(r => r.N).ToList();

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
                (string, string)? page = string.IsNullOrWhiteSpace(document.Url)
                    ? null
                    : (document.Url.Trim().ToLowerInvariant(), document.Title.Trim().ToLowerInvariant());
                if (page is not { } key || !_pages.TryGetValue(key, out n))
                {
                    n = ++_last;
                    if (page is { } newPage)
                    {
                        _pages[newPage] = n;
                    }
                }

                _numbers[document.Key] = n;
                _references.Add(new Reference(n, document.Id, document.Collection, document.Title, document.Source, document.Year, document.EvidenceLevel, document.Url));
            }

            if (!citations.Contains(n))
            {
                citations.Add(n);
            }

            var span = passage.Passage.Span;
            quotes.Add(new Quote(n, document.Id, document.Collection, span.Start, span.End, passage.Text, RecommendationGrades.Find(document, passage.Text)));
        }

        return new AnswerItem(text, citations, quotes);
    }
}
