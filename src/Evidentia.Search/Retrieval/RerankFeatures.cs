using Evidentia.Core.Questions;
using Evidentia.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// What the reranker knows about a first-stage candidate: how much of the question it covers (weighted by
/// idf) in its text, title and question; how much of its title and question the question covers (a page
/// about exactly the asked focus); whether neighbouring question words stay neighbours in it; whether it
/// answers the asked kind of question; its length, and its first-stage score and rank. Read from the
/// index's postings, norms and doc values for the question's terms only, never from stored text.
/// </summary>
public static class RerankFeatures
{
    /// <summary>Names of the features, in vector order (docs/EVALUATION.md says what each one measures).</summary>
    public static readonly string[] Names =
    [
        "score", "score_ratio", "log_rank", "cover_all", "cover_title", "cover_question", "title_in_query",
        "question_in_query", "pairs", "log_length", "type_match", "has_question", "log_query_terms", "anchor", "cover_all_count", "title_first",
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Length;

    /// <summary>
    /// The hybrid reranker's features: the lexical ones, then the candidate's sentence-vector similarity to the question
    /// (<see cref="DenseIndex"/>) and its gap to the best candidate's.
    /// </summary>
    public static readonly string[] HybridNames = [.. Names, "dense_similarity", "dense_gap"];

    /// <summary>Lexical feature vectors with each candidate's sentence-vector similarity added (<see cref="HybridNames"/>).</summary>
    public static float[][] WithMeaning(float[][] lexical, float[] similarities)
    {
        var best = similarities.DefaultIfEmpty(0).Max();
        return lexical.Select((v, i) => (float[])[.. v, similarities[i], best - similarities[i]]).ToArray();
    }

    /// <summary>One candidate: a Lucene document number and its first-stage score, best first.</summary>
    public readonly record struct Candidate(int Doc, float Score);

    /// <summary>The feature vectors of <paramref name="candidates"/> (first-stage order) for one question.</summary>
    /// <param name="terms">The question's analysed terms in order, with counts.</param>
    public static float[][] Compute(IndexSearcher searcher, string question, IReadOnlyList<(string Term, int Count)> terms, IReadOnlyList<Candidate> candidates)
    {
        var reader = searcher.IndexReader;
        // The idf of every title and question term of the candidates: hundreds of look-ups a question.
        var frequencies = new DocFrequencies(reader, IndexFields.All);
        var idfCache = new Dictionary<string, double>(StringComparer.Ordinal);
        double Idf(string term)
        {
            if (!idfCache.TryGetValue(term, out var value))
            {
                idfCache[term] = value = DocumentSearcher.Idf(reader.NumDocs, frequencies.Of(term));
            }

            return value;
        }

        var queryTerms = terms.Select(t => t.Term).ToArray();
        var df = queryTerms.Select(frequencies.Of).ToArray();
        var idf = new double[queryTerms.Length];
        for (var k = 0; k < queryTerms.Length; k++)
        {
            idf[k] = idfCache[queryTerms[k]] = DocumentSearcher.Idf(reader.NumDocs, df[k]);
        }

        var queryIdf = idf.Sum();
        // The question's anchor: its most topical term that any document has (the rarer first among equals).
        var anchor = Enumerable.Range(0, queryTerms.Length).Where(k => df[k] > 0)
            .OrderByDescending(k => DocumentSearcher.Topicality(reader, queryTerms[k], df[k])).ThenByDescending(k => idf[k]).DefaultIfEmpty(-1).First();
        var questionType = QuestionAnalyzer.Analyze(question).Type;
        var maxScore = candidates.Count > 0 ? Math.Max(candidates[0].Score, 1e-6f) : 1f;

        var querySet = queryTerms.ToHashSet(StringComparer.Ordinal);
        var matches = Match(reader, queryTerms, candidates);
        var vectors = new float[candidates.Count][];
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var m = matches[rank];
            var v = new float[Count];
            v[0] = candidates[rank].Score;
            v[1] = candidates[rank].Score / maxScore;
            v[2] = (float)Math.Log2(rank + 2);
            v[3] = Share(m.Positions.Select(p => p is not null), idf, queryIdf);
            v[4] = Share(m.InTitle, idf, queryIdf);
            v[5] = Share(m.InQuestion, idf, queryIdf);
            v[6] = Covered(m.Title, querySet, Idf);
            v[7] = Covered(m.Question, querySet, Idf);
            v[8] = Pairs(m.Positions);
            v[9] = (float)Math.Log(1 + m.Length);
            v[10] = questionType != QuestionType.Other && m.AnswerType == (long)questionType ? 1 : 0;
            v[11] = m.Question.Length > 0 ? 1 : 0;
            v[12] = (float)Math.Log(1 + queryTerms.Length);
            v[13] = anchor >= 0 && m.Positions[anchor] is not null ? 1 : 0;
            v[14] = queryTerms.Length == 0 ? 0 : (float)m.Positions.Count(p => p is not null) / queryTerms.Length;
            // How early the question names what the candidate's title does: consumers open with their subject.
            var first = Array.IndexOf(m.InTitle, true);
            v[15] = first < 0 ? 0 : 1f / (1 + first);
            vectors[rank] = v;
        }

        return vectors;
    }

    // For one candidate: positions of each question term in the all-text field (null when absent), whether
    // each is in the title and in the question, the all-text length (from BM25 norms), the analysed terms of
    // the title and of the document's questions, and the answer type.
    private sealed record Matches(int[]?[] Positions, bool[] InTitle, bool[] InQuestion, float Length, string[] Title, string[] Question, long AnswerType);

    // Walks each question term's postings once per index segment, over the candidates in document order.
    private static Matches[] Match(IndexReader reader, string[] queryTerms, IReadOnlyList<Candidate> candidates)
    {
        var result = new Matches[candidates.Count];
        var leaves = reader.Leaves;
        foreach (var leaf in Enumerable.Range(0, candidates.Count).GroupBy(i => ReaderUtil.SubIndex(candidates[i].Doc, leaves)))
        {
            var context = leaves[leaf.Key];
            var atomic = context.AtomicReader;
            var order = leaf.OrderBy(i => candidates[i].Doc).ToArray();
            var local = order.Select(i => candidates[i].Doc - context.DocBase).ToArray();
            var positions = order.Select(_ => new int[]?[queryTerms.Length]).ToArray();
            var inTitle = order.Select(_ => new bool[queryTerms.Length]).ToArray();
            var inQuestion = order.Select(_ => new bool[queryTerms.Length]).ToArray();
            for (var k = 0; k < queryTerms.Length; k++)
            {
                var all = atomic.GetTermPositionsEnum(new Term(IndexFields.All, queryTerms[k]));
                var title = atomic.GetTermDocsEnum(new Term(IndexFields.Title, queryTerms[k]));
                var own = atomic.GetTermDocsEnum(new Term(IndexFields.Question, queryTerms[k]));
                for (var j = 0; j < order.Length; j++)
                {
                    if (Seek(all, local[j]))
                    {
                        var found = new int[all!.Freq];
                        for (var p = 0; p < found.Length; p++)
                        {
                            found[p] = all.NextPosition();
                        }

                        positions[j][k] = found;
                    }

                    inTitle[j][k] = Seek(title, local[j]);
                    inQuestion[j][k] = Seek(own, local[j]);
                }
            }

            var allNorms = atomic.GetNormValues(IndexFields.All);
            var titleTerms = atomic.GetBinaryDocValues(IndexFields.TitleTerms);
            var questionTerms = atomic.GetBinaryDocValues(IndexFields.QuestionTerms);
            var answerTypes = atomic.GetNumericDocValues(IndexFields.AnswerType);
            var bytes = new BytesRef();
            for (var j = 0; j < order.Length; j++)
            {
                result[order[j]] = new Matches(positions[j], inTitle[j], inQuestion[j], Length(allNorms, local[j]),
                    Terms(titleTerms, local[j], bytes), Terms(questionTerms, local[j], bytes), answerTypes?.Get(local[j]) ?? -1);
            }
        }

        return result;
    }

    // Moves a postings enumeration (documents in increasing order) to `doc`; whether the term is there.
    private static bool Seek(DocsEnum? postings, int doc)
    {
        if (postings is null)
        {
            return false;
        }

        if (postings.DocID < doc)
        {
            postings.Advance(doc);
        }

        return postings.DocID == doc;
    }

    // BM25 norms hold 1 / sqrt(field length) in one byte: the length, roughly; 0 for an empty or absent field.
    private static float Length(NumericDocValues? norms, int doc)
    {
        var norm = norms is null ? 0 : SmallSingle.Byte315ToSingle((byte)norms.Get(doc));
        return norm <= 0 ? 0 : 1 / (norm * norm);
    }

    private static string[] Terms(BinaryDocValues? values, int doc, BytesRef bytes)
    {
        if (values is null)
        {
            return [];
        }

        values.Get(doc, bytes);
        return bytes.Length == 0 ? [] : bytes.Utf8ToString().Split(' ');
    }

    // Idf-weighted share of a title's (or question's) terms that the question has.
    private static float Covered(string[] terms, HashSet<string> question, Func<string, double> idf)
    {
        var total = terms.Sum(idf);
        return total <= 0 ? 0 : (float)(terms.Where(question.Contains).Sum(idf) / total);
    }

    // Idf-weighted share of the question's terms that are found.
    private static float Share(IEnumerable<bool> found, double[] idf, double total) =>
        total <= 0 ? 0 : (float)(found.Select((f, k) => f ? idf[k] : 0).Sum() / total);

    // Share of neighbouring question terms that stand within three positions of each other in the document.
    private static float Pairs(int[]?[] positions)
    {
        if (positions.Length < 2)
        {
            return 0;
        }

        var near = 0;
        for (var k = 0; k + 1 < positions.Length; k++)
        {
            if (positions[k] is { } a && positions[k + 1] is { } b && a.Any(p => b.Any(q => Math.Abs(p - q) <= 3)))
            {
                near++;
            }
        }

        return (float)near / (positions.Length - 1);
    }
}
