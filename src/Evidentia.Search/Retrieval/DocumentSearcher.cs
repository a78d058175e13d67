using System.Text.RegularExpressions;
using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// Retrieval. First stage: BM25 over everything in one field, plus weighted matches in the title and the
/// source's question; its best candidates are then reordered by the learned <see cref="Reranker"/>. Each question term is matched in every field with that field's weight and the scores add up; only citable documents are returned, optionally of one collection.
/// The query is built from analysed terms, never parsed, so no user input can be query syntax.
/// </summary>
public sealed partial class DocumentSearcher(SearchIndex index, SearchOptions options, Reranker? reranker = null, DenseIndex? dense = null, Reranker? hybridReranker = null) : IDisposable
{
    // Loaded on first use: a searcher that never reranks (the bench that trains the model) needs none.
    private Reranker Model => reranker ?? Reranker.Default;

    private Reranker? HybridModel => hybridReranker ?? Reranker.Hybrid;

    private readonly Analyzer _questionAnalyzer = Analyzers.CreateQuestionAnalyzer();

    /// <summary>The analyser questions go through.</summary>
    public Analyzer QuestionAnalyzer => _questionAnalyzer;

    public SearchIndex Index => index;

    /// <summary>The documents' sentence vectors, when this searcher has them.</summary>
    public DenseIndex? Dense => dense;

    /// <summary>
    /// The best <paramref name="top"/> documents for <paramref name="query"/>: the first stage's best
    /// candidates (at least <see cref="SearchOptions.RerankDepth"/>) reordered by the reranker, each with its
    /// reranker score through the logistic function (in (0, 1), higher is better); or the first stage alone,
    /// with BM25 scores, when reranking is off.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int top, string? collection = null) => Retrieve(query, top, collection).Hits;

    /// <summary>
    /// As <see cref="Search"/>, and whether the search was hybrid: when every citable document of the index snapshot
    /// has its sentence vector, the documents whose titles and questions are nearest the question in meaning join the
    /// first stage's candidates, and the reranker trained with their similarity orders them; otherwise the lexical
    /// reranker orders the first stage's alone. The documents of <paramref name="excluding"/> are left out, as if the
    /// corpus lacked them (leave-out evaluation: <see cref="Core.Answers.QuestionInput.Excluding"/>).
    /// </summary>
    public RetrievalResult Retrieve(string query, int top, string? collection = null, IReadOnlySet<DocumentKey>? excluding = null)
    {
        if (excluding is { Count: > 0 })
        {
            var wider = Retrieve(query, top + excluding.Count, collection);
            return wider with { Hits = wider.Hits.Where(h => !excluding.Contains(h.Key)).Take(top).ToList() };
        }

        var terms = SearchTerms(query);
        if (terms.Count == 0 || top <= 0)
        {
            return new RetrievalResult([], Hybrid: false);
        }

        return index.WithSearcher(searcher =>
        {
            var docs = searcher.Search(FirstStageQuery(searcher, terms, collection), options.Rerank ? Math.Max(top, options.RerankDepth) : top).ScoreDocs;
            var hybrid = options.Rerank && HybridModel is not null && HybridReady(searcher);
            var meaning = hybrid ? dense!.Encode(query) : null;
            if (options.Rerank)
            {
                docs = hybrid ? Fuse(searcher, docs, meaning!, collection) : docs;
                // The reranker's score through the logistic function: in (0, 1), higher is better, as ratios to the top hit expect.
                var features = Features(searcher, query, terms, docs, meaning);
                var model = hybrid ? HybridModel! : Model;
                docs = docs.Select((d, i) => new ScoreDoc(d.Doc, (float)(1 / (1 + Math.Exp(-model.Score(features[i])))))).ToArray();
            }

            // Copies of a text take the score of the best-ranked one; stored fields are read for the documents returned only.
            var fingerprints = Duplicates.Read(searcher.IndexReader, docs.Select(d => d.Doc).ToList());
            var leaders = new Dictionary<long, float>();
            var hits = new List<SearchHit>(top);
            foreach (var i in Order(docs.Select(d => (double)d.Score).ToList(), fingerprints).Take(top))
            {
                var score = fingerprints[i] == 0 || leaders.TryAdd(fingerprints[i], docs[i].Score) ? docs[i].Score : leaders[fingerprints[i]];
                hits.Add(Hit(searcher, new ScoreDoc(docs[i].Doc, score)) with { Meaning = meaning is null ? null : dense!.Similarity(searcher.IndexReader, docs[i].Doc, meaning) });
            }

            return new RetrievalResult(hits, hybrid);
        });
    }

    /// <summary>How many of the citable documents of the current index have their sentence vector, of how many (0 of 0 without vectors).</summary>
    public (int Encoded, int Total) DenseCoverage() => dense is null ? (0, 0) : index.WithSearcher(s => dense.Coverage(s.IndexReader));

    private bool HybridReady(IndexSearcher searcher) => options.Dense && dense is not null && dense.IsComplete(searcher.IndexReader);

    // The first stage's candidates, then the documents nearest the question in meaning that it did not find (score 0).
    private ScoreDoc[] Fuse(IndexSearcher searcher, ScoreDoc[] docs, float[] meaning, string? collection)
    {
        var found = docs.Select(d => d.Doc).ToHashSet();
        Func<int, bool>? accept = string.IsNullOrWhiteSpace(collection)
            ? null
            : doc => searcher.Doc(doc, CollectionField).Get(IndexFields.Collection) == collection;
        var near = dense!.Nearest(searcher.IndexReader, meaning, options.DenseDepth, accept);
        return [.. docs, .. near.Where(n => !found.Contains(n.Doc)).Select(n => new ScoreDoc(n.Doc, 0))];
    }

    private static readonly HashSet<string> CollectionField = [IndexFields.Collection];

    /// <summary>
    /// The order of a result list, as positions into <paramref name="scores"/> (first-stage order): best score
    /// first, ties in first-stage order, and copies of one text right after the best-ranked one.
    /// </summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<double> scores, IReadOnlyList<long> fingerprints)
    {
        var byScore = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        return Duplicates.Together(byScore.Select(i => fingerprints[i]).ToList()).Select(i => byScore[i]).ToList();
    }

    /// <summary>
    /// The first stage's best <paramref name="top"/> documents for <paramref name="query"/>, each with its
    /// reranking features (<see cref="RerankFeatures"/>): what the reranker is trained on. With <paramref name="hybrid"/>
    /// (the vectors complete), the documents nearest in meaning join them, and the features include their similarity.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="hybrid"/> without a complete set of sentence vectors.</exception>
    public IReadOnlyList<(SearchHit Hit, float[] Features, long Fingerprint)> Candidates(string query, int top, string? collection = null, bool hybrid = false)
    {
        var terms = SearchTerms(query);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        return index.WithSearcher(searcher =>
        {
            if (hybrid && !(dense is not null && dense.IsComplete(searcher.IndexReader)))
            {
                throw new InvalidOperationException("Hybrid candidates need every citable document's sentence vector: run `evidentia index` first.");
            }

            var docs = searcher.Search(FirstStageQuery(searcher, terms, collection), top).ScoreDocs;
            var meaning = hybrid ? dense!.Encode(query) : null;
            docs = hybrid ? Fuse(searcher, docs, meaning!, collection) : docs;
            var features = Features(searcher, query, terms, docs, meaning);
            var fingerprints = Duplicates.Read(searcher.IndexReader, docs.Select(d => d.Doc).ToList());
            return docs.Select((d, i) => (Hit(searcher, d), features[i], fingerprints[i])).ToList();
        });
    }

    private float[][] Features(IndexSearcher searcher, string query, IReadOnlyList<(string Term, int Count)> terms, ScoreDoc[] docs, float[]? meaning)
    {
        var candidates = docs.Select(d => new RerankFeatures.Candidate(d.Doc, d.Score)).ToList();
        var lexical = RerankFeatures.Compute(searcher, query, Corrected(searcher.IndexReader, query, terms), candidates);
        return meaning is null ? lexical : RerankFeatures.WithMeaning(lexical, docs.Select(d => dense!.Similarity(searcher.IndexReader, d.Doc, meaning) ?? 0f).ToArray());
    }

    private static SearchHit Hit(IndexSearcher searcher, ScoreDoc doc)
    {
        var stored = searcher.Doc(doc.Doc);
        return new SearchHit(new DocumentKey(stored.Get(IndexFields.Collection), stored.Get(IndexFields.Id)), stored.Get(IndexFields.Title), doc.Score);
    }

    /// <summary>
    /// The analysed terms of <paramref name="question"/> as the reranker and the answer's relevance read them:
    /// a misspelt word as the indexed word nearest it.
    /// </summary>
    public IReadOnlyList<(string Term, int Count)> QuestionTerms(string question) => QuestionTerms(question, null).Terms;

    /// <summary>
    /// The question's terms as <see cref="QuestionTerms(string)"/> reads them, and the terms of <paramref name="focus"/>
    /// (words of the question) and of its hyphenated words (<see cref="QueryTerms.Compounds"/>) read the same way, each
    /// misspelt word looked up once.
    /// </summary>
    public (IReadOnlyList<(string Term, int Count)> Terms, IReadOnlyList<string>? Focus, IReadOnlyList<Compound> Compounds) QuestionTerms(string question, string? focus) =>
        index.WithSearcher(searcher =>
        {
            var terms = QueryTerms.Analyze(_questionAnalyzer, question);
            var readings = Readings(searcher.IndexReader, question, terms);
            IReadOnlyList<string>? focusTerms = focus is null ? null : Topical(searcher.IndexReader,
                QueryTerms.Set(_questionAnalyzer, focus).Select(t => readings.GetValueOrDefault(t, t)).Distinct(StringComparer.Ordinal));
            var compounds = QueryTerms.Compounds(_questionAnalyzer, question)
                .Select(c => new Compound(c.Parts.Select(t => readings.GetValueOrDefault(t, t)).ToList())).ToList();
            return (Read(terms, readings), focusTerms, (IReadOnlyList<Compound>)compounds);
        });

    // Terms most topical first (the rarer first among equals).
    private static List<string> Topical(IndexReader reader, IEnumerable<string> terms) =>
        terms.OrderByDescending(t => Topicality(reader, t)).ThenByDescending(t => Idf(reader, t)).ToList();

    /// <summary>
    /// How much an analysed term names what documents are about: its idf times the share of the documents having it
    /// that have it in their title. "Psoriasis" and "depression" stand in titles; "contagious", "cured" and "last" say
    /// something about a subject and stand in text.
    /// </summary>
    /// <param name="docFreq">The term's document frequency in the all-text field, when the caller has it.</param>
    public static double Topicality(IndexReader reader, string term, int? docFreq = null)
    {
        var all = docFreq ?? reader.DocFreq(new Term(IndexFields.All, term));
        return all == 0 ? 0 : Idf(reader.NumDocs, all) * reader.DocFreq(new Term(IndexFields.Title, term)) / all;
    }

    private IReadOnlyList<(string Term, int Count)> Corrected(IndexReader reader, string question, IReadOnlyList<(string Term, int Count)> terms) =>
        Read(terms, Readings(reader, question, terms));

    private static IReadOnlyList<(string Term, int Count)> Read(IReadOnlyList<(string Term, int Count)> terms, Dictionary<string, string> readings) =>
        readings.Count == 0
            ? terms
            : terms.Select(t => (Term: readings.GetValueOrDefault(t.Term, t.Term), t.Count))
                .GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(t => t.Count))).ToList();

    // A misspelt word read as the indexed word nearest it (fewest edits, then most documents), the word the first
    // stage's fuzzy match mostly found ("antiphosoholipid" as "antiphospholipid"), so coverage and the anchor count
    // it. A word with a capital inside is a name, not a misspelling ("GlucaGen" is not "glucagon").
    private Dictionary<string, string> Readings(IndexReader reader, string question, IReadOnlyList<(string Term, int Count)> terms)
    {
        var misspelt = terms.Select(t => t.Term).Where(t => Misspelt(reader, t)).ToHashSet(StringComparer.Ordinal);
        if (misspelt.Count > 0)
        {
            misspelt.ExceptWith(Names().Matches(question).SelectMany(m => QueryTerms.Set(_questionAnalyzer, m.Value)));
        }

        if (misspelt.Count == 0 || MultiFields.GetTerms(reader, IndexFields.All) is not { } indexed)
        {
            return [];
        }

        return misspelt.Select(t => (Term: t, Nearest: Nearest(indexed, t))).Where(r => r.Nearest is not null)
            .ToDictionary(r => r.Term, r => r.Nearest!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\p{L}*\p{Ll}\p{Lu}\p{L}*")]
    private static partial Regex Names();

    private static string? Nearest(Terms indexed, string term)
    {
        var fuzzy = new FuzzyTermsEnum(indexed, new Lucene.Net.Util.AttributeSource(), new Term(IndexFields.All, term), MaxEdits(term), 1, transpositions: true);
        var similarity = fuzzy.Attributes.AddAttribute<IBoostAttribute>();
        string? best = null;
        var bestKey = (Similarity: float.MinValue, DocFreq: 0);
        while (fuzzy.MoveNext())
        {
            var key = (similarity.Boost, fuzzy.DocFreq);
            if (key.CompareTo(bestKey) > 0)
            {
                bestKey = key;
                best = fuzzy.Term.Utf8ToString();
            }
        }

        return best;
    }

    private static int MaxEdits(string term) => term.Length >= 8 ? 2 : 1;

    // A word the index has never seen is most often misspelt ("tabkets").
    private bool Misspelt(IndexReader reader, string term) =>
        options.CorrectSpelling && term.Length >= 5 && !term.Any(char.IsDigit) && reader.DocFreq(new Term(IndexFields.All, term)) == 0;

    // Built and run on one searcher, so spelling correction and features see the same index snapshot it searches.
    private Query FirstStageQuery(IndexSearcher searcher, IReadOnlyList<(string Term, int Count)> terms, string? collection)
    {
        var fields = new (string Field, float Weight)[]
        {
            (IndexFields.All, options.AllWeight),
            (IndexFields.Title, options.TitleWeight),
            (IndexFields.Question, options.QuestionWeight),
        };
        var should = new BooleanQuery();
        foreach (var (term, count) in terms)
        {
            // A misspelt word is matched loosely instead.
            if (Misspelt(searcher.IndexReader, term))
            {
                should.Add(new FuzzyQuery(new Term(IndexFields.All, term), MaxEdits(term), 1) { Boost = options.AllWeight * count }, Occur.SHOULD);
                continue;
            }

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

        var filtered = new BooleanQuery { { should, Occur.MUST } };
        filtered.Add(new TermQuery(new Term(IndexFields.Citable, "true")) { Boost = 0 }, Occur.MUST);
        if (!string.IsNullOrWhiteSpace(collection))
        {
            filtered.Add(new TermQuery(new Term(IndexFields.Collection, collection)) { Boost = 0 }, Occur.MUST);
        }

        return filtered;
    }

    /// <summary>
    /// The name the indexed sources use for <paramref name="phrase"/> when they know it only as another name: no citable
    /// document is titled so, and the citable documents that give it as another name of their focus share one title
    /// ("hypertension" → "High Blood Pressure"). Null otherwise, and when that title is the phrase's words in another order
    /// ("Diabetes Type 2" for "type 2 diabetes"): not another name.
    /// </summary>
    public string? PreferredName(string phrase)
    {
        // Two letters name something only as a capitalised abbreviation ("MS", "MI"), not as a word ("ms", "mi").
        var key = SearchIndex.NameKey(phrase);
        if (key.Length < 2 || (key.Length == 2 && !phrase.Trim().All(char.IsUpper)))
        {
            return null;
        }

        return IsTitle(phrase) ? null : index.WithSearcher(searcher =>
        {
            var titles = searcher.Search(new TermQuery(new Term(IndexFields.Alias, key)), 100).ScoreDocs
                .Select(h => searcher.Doc(h.Doc).Get(IndexFields.Title))
                .DistinctBy(SearchIndex.NameKey)
                .ToList();
            return titles.Count == 1 && !QueryTerms.Set(_questionAnalyzer, titles[0]).SetEquals(QueryTerms.Set(_questionAnalyzer, phrase)) ? titles[0] : null;
        });
    }

    /// <summary>Whether a citable document is titled <paramref name="phrase"/> (case and spacing aside): "Hay Fever".</summary>
    public bool IsTitle(string phrase) =>
        index.WithSearcher(searcher => searcher.Search(new TermQuery(new Term(IndexFields.Name, SearchIndex.NameKey(phrase))), 1).TotalHits > 0);

    /// <summary>
    /// Indexed questions near <paramref name="query"/>, answered or not, best first: the library of answered
    /// questions that related questions and suggested follow-ups come from.
    /// </summary>
    public IReadOnlyList<QuestionHit> SearchQuestions(string query, int top)
    {
        var terms = SearchTerms(query);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        var should = new BooleanQuery();
        foreach (var (term, count) in terms)
        {
            should.Add(new TermQuery(new Term(IndexFields.Question, term)) { Boost = count }, Occur.SHOULD);
            should.Add(new TermQuery(new Term(IndexFields.Title, term)) { Boost = 0.5f * count }, Occur.SHOULD);
        }

        return index.WithSearcher(searcher =>
        {
            var hits = new List<QuestionHit>();
            foreach (var scoreDoc in searcher.Search(should, top).ScoreDocs)
            {
                var stored = searcher.Doc(scoreDoc.Doc);
                if (stored.Get(IndexFields.Question) is { } question)
                {
                    hits.Add(new QuestionHit(
                        question,
                        new DocumentKey(stored.Get(IndexFields.Collection), stored.Get(IndexFields.Id)),
                        stored.Get(IndexFields.Title),
                        stored.Get(IndexFields.QuestionType),
                        stored.Get(IndexFields.Citable) == "true",
                        scoreDoc.Score));
                }
            }

            return hits;
        });
    }

    /// <summary>
    /// Up to <paramref name="count"/> questions that citable documents answer, spread evenly over the index and over
    /// question types: candidates for the example questions of the home page.
    /// </summary>
    public IReadOnlyList<QuestionHit> SampleQuestions(int count) => index.WithSearcher(searcher =>
    {
        var query = new TermQuery(new Term(IndexFields.Citable, "true"));
        var all = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs;
        var step = Math.Max(1, all.Length / Math.Max(1, count * 4));
        var hits = new List<QuestionHit>();
        for (var i = 0; i < all.Length && hits.Count < count * 4; i += step)
        {
            var stored = searcher.Doc(all[i].Doc);
            if (stored.Get(IndexFields.Question) is { } question)
            {
                hits.Add(new QuestionHit(
                    question, new DocumentKey(stored.Get(IndexFields.Collection), stored.Get(IndexFields.Id)),
                    stored.Get(IndexFields.Title), stored.Get(IndexFields.QuestionType), Citable: true, 0));
            }
        }

        // Round-robin over question types, so the examples are not all "What is X?".
        return hits.GroupBy(h => h.QuestionType ?? "")
            .SelectMany(g => g.Select((h, rank) => (h, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.h.QuestionType, StringComparer.Ordinal)
            .Select(x => x.h).Take(count).ToList();
    });

    /// <summary>
    /// Citable overview documents whose title is one of <paramref name="terms"/> (compared lower case), by term: technical
    /// terms only, those with a word that at most <see cref="SearchOptions.TechnicalShare"/> of the indexed documents
    /// use ("hyperuricemia", not "blood" or "pain").
    /// </summary>
    public IReadOnlyDictionary<string, DocumentKey> FindDefinitions(IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0)
        {
            return new Dictionary<string, DocumentKey>();
        }

        var names = new BooleanQuery();
        foreach (var term in terms.Take(BooleanQuery.MaxClauseCount))
        {
            names.Add(new TermQuery(new Term(IndexFields.Name, SearchIndex.NameKey(term))), Occur.SHOULD);
        }

        // Overview documents: MedQuAD's "What is (are) X?" answers.
        var query = new BooleanQuery { { names, Occur.MUST }, { new TermQuery(new Term(IndexFields.QuestionType, "information")), Occur.MUST } };

        return index.WithSearcher(searcher =>
        {
            var reader = searcher.IndexReader;
            bool Technical(string term) =>
                QueryTerms.Analyze(_questionAnalyzer, term).Any(t => reader.DocFreq(new Term(IndexFields.All, t.Term)) <= options.TechnicalShare * reader.NumDocs);
            var found = new Dictionary<string, DocumentKey>(StringComparer.Ordinal);
            foreach (var scoreDoc in searcher.Search(query, 200).ScoreDocs)
            {
                var stored = searcher.Doc(scoreDoc.Doc);
                var term = SearchIndex.NameKey(stored.Get(IndexFields.Title));
                if (!found.ContainsKey(term) && Technical(term))
                {
                    found[term] = new DocumentKey(stored.Get(IndexFields.Collection), stored.Get(IndexFields.Id));
                }
            }

            return found;
        });
    }

    /// <summary>
    /// The sentences of <paramref name="documents"/> that are templates of their collection: stated word for word
    /// in at least <see cref="SearchOptions.TemplateDocuments"/> of its documents and <see cref="SearchOptions.TemplateShare"/>
    /// of them (counts include replaced documents until Lucene merges them away).
    /// </summary>
    public IReadOnlySet<(DocumentKey Document, Passage Passage)> Templates(IEnumerable<Document> documents) => index.WithSearcher(searcher =>
    {
        var reader = searcher.IndexReader;
        var stating = new DocFrequencies(reader, IndexFields.Sentence);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var templates = new HashSet<(DocumentKey, Passage)>();
        foreach (var document in documents)
        {
            if (!sizes.TryGetValue(document.Collection, out var size))
            {
                sizes[document.Collection] = size = reader.DocFreq(new Term(IndexFields.Collection, document.Collection));
            }

            var least = Math.Max(options.TemplateDocuments, options.TemplateShare * size);
            foreach (var passage in document.Passages)
            {
                if (stating.Of(SearchIndex.SentenceKey(document.Collection, document.Quote(passage.Span))) >= least)
                {
                    templates.Add((document.Key, passage));
                }
            }
        }

        return templates;
    });

    /// <summary>Inverse document frequency of an analysed term over everything indexed (BM25's idf).</summary>
    public IReadOnlyDictionary<string, double> Idf(IEnumerable<string> terms) => index.WithSearcher(searcher =>
        terms.Distinct().ToDictionary(t => t, t => Idf(searcher.IndexReader, t)));

    /// <summary>BM25's idf of an analysed term in the all-text field of <paramref name="reader"/>.</summary>
    public static double Idf(IndexReader reader, string term) => Idf(reader.NumDocs, reader.DocFreq(new Term(IndexFields.All, term)));

    /// <summary>BM25's idf of a term that <paramref name="docFreq"/> of <paramref name="numDocs"/> documents contain.</summary>
    public static double Idf(int numDocs, int docFreq)
    {
        var n = Math.Max(1, numDocs);
        return Math.Log(1 + ((n - docFreq + 0.5) / (docFreq + 0.5)));
    }

    /// <summary>
    /// The most distinct terms a query searches with: a question within <see cref="Core.Answers.QuestionRules.MaxLength"/>
    /// can hold more (600 short words, 2,000 CJK characters), and Lucene refuses a query of over
    /// <see cref="BooleanQuery.MaxClauseCount"/> clauses; the rest of such a question is left out.
    /// </summary>
    public const int MaxQueryTerms = 256;

    // A query's analysed terms in order, at most MaxQueryTerms of them.
    private IReadOnlyList<(string Term, int Count)> SearchTerms(string query) => QueryTerms.Analyze(_questionAnalyzer, query).Take(MaxQueryTerms).ToList();

    public void Dispose() => _questionAnalyzer.Dispose();
}
