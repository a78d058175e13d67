using System.Diagnostics;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Search.Retrieval;

namespace Evidentia.Search;

/// <summary>Answers a question: retrieve documents, rank their sentences, compose a cited answer.</summary>
public sealed class AnswerEngine(IDocumentStore store, DocumentSearcher searcher, SearchOptions options, AnswerComposer composer)
{
    private readonly PassageRanker _ranker = new(searcher.Index.IndexAnalyzer);

    /// <exception cref="ArgumentException">The question is empty or too long (see <see cref="QuestionRules"/>).</exception>
    public async Task<Answer> AskAsync(string question, Audience audience, string? questionId, CancellationToken cancellationToken)
    {
        if (QuestionRules.Validate(question) is { } error)
        {
            throw new ArgumentException(error, nameof(question));
        }

        var clock = Stopwatch.StartNew();
        var hits = searcher.Search(question, options.AnswerDocuments);
        var documents = (await store.GetAsync(hits.Select(h => h.Key).ToList(), cancellationToken)).ToDictionary(d => d.Key);
        var terms = QueryTerms.Analyze(searcher.QuestionAnalyzer, question);
        var passages = _ranker.Rank(terms, searcher.Idf(terms.Select(t => t.Term)), hits, documents);
        var retrieve = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var answer = composer.Compose(question, audience, passages, questionId);
        var compose = clock.Elapsed.TotalMilliseconds;
        return answer with
        {
            TimingsMs = new Dictionary<string, double> { ["retrieve"] = Math.Round(retrieve, 2), ["compose"] = Math.Round(compose, 2) },
        };
    }
}
