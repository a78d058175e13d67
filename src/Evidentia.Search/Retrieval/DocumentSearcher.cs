using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// First-stage retrieval: BM25 over weighted fields. Each question term is matched in every field with
/// that field's weight and the scores add up; only citable documents are returned, optionally of one collection.
/// The query is built from analysed terms, never parsed, so no user input can be query syntax.
/// </summary>
public sealed class DocumentSearcher(SearchIndex index, SearchOptions options) : IDisposable
{
    private readonly Analyzer _questionAnalyzer = Analyzers.CreateQuestionAnalyzer();

    /// <summary>The analyser questions go through.</summary>
    public Analyzer QuestionAnalyzer => _questionAnalyzer;

    public SearchIndex Index => index;

    /// <summary>The best <paramref name="top"/> documents for <paramref name="query"/>.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int top, string? collection = null)
    {
        var terms = QueryTerms.Analyze(_questionAnalyzer, query);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        var fields = new (string Field, float Weight)[]
        {
            (IndexFields.Title, options.TitleWeight),
            (IndexFields.Question, options.QuestionWeight),
            (IndexFields.Synonyms, options.SynonymsWeight),
            (IndexFields.Headings, options.HeadingsWeight),
            (IndexFields.Body, options.BodyWeight),
        };
        var should = new BooleanQuery();
        foreach (var (term, count) in terms)
        {
            var perField = new BooleanQuery();
            foreach (var (field, weight) in fields)
            {
                if (weight > 0)
                {
                    perField.Add(new TermQuery(new Term(field, term)) { Boost = weight * count }, Occur.SHOULD);
                }
            }

            should.Add(perField, Occur.SHOULD);
        }

        var query2 = new BooleanQuery { { should, Occur.MUST } };
        query2.Add(new TermQuery(new Term(IndexFields.Citable, "true")) { Boost = 0 }, Occur.MUST);
        if (!string.IsNullOrWhiteSpace(collection))
        {
            query2.Add(new TermQuery(new Term(IndexFields.Collection, collection)) { Boost = 0 }, Occur.MUST);
        }

        return index.WithSearcher(searcher =>
        {
            var docs = searcher.Search(query2, top);
            var hits = new List<SearchHit>(docs.ScoreDocs.Length);
            foreach (var scoreDoc in docs.ScoreDocs)
            {
                var stored = searcher.Doc(scoreDoc.Doc);
                hits.Add(new SearchHit(
                    new DocumentKey(stored.Get(IndexFields.Collection), stored.Get(IndexFields.Id)),
                    stored.Get(IndexFields.Title),
                    scoreDoc.Score));
            }

            return hits;
        });
    }

    /// <summary>Inverse document frequency of an analysed term in the body field (BM25's idf).</summary>
    public IReadOnlyDictionary<string, double> Idf(IEnumerable<string> terms) => index.WithSearcher(searcher =>
    {
        var reader = searcher.IndexReader;
        var n = Math.Max(1, reader.NumDocs);
        return terms.Distinct().ToDictionary(t => t, t =>
        {
            var df = reader.DocFreq(new Term(IndexFields.Body, t));
            return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        });
    });

    public void Dispose() => _questionAnalyzer.Dispose();
}
