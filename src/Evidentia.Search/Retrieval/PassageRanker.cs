using System.Text.RegularExpressions;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Core.Text;
using Lucene.Net.Analysis;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// Scores the sentences of retrieved documents for a question. A sentence's relevance is the share of the
/// question's idf-weighted terms found in the sentence or in what frames it (its document's title,
/// question and scope, its section heading); its score adds the document's search score relative to the best, the sentence's own coverage,
/// and a small preference for sentences early in their document (the composer adds its preferences for
/// stronger, newer and the audience's sources: <see cref="AnswerComposer.Preference"/>).
/// The anchor of a question is the most topical term of its focus (the condition or drug asked about, not the words
/// that ask, such as "first-line" or "dose"; "psoriasis", not "contagious": <see cref="DocumentSearcher.Topicality"/>) that
/// any retrieved document contains, or the rarest of the whole question when none is; sentences of documents without it
/// are off-focus, and their relevance is quartered. When the focus is a document's title ("Hay Fever"), a document must
/// name every word of it that any retrieved document has: "fever" alone is rheumatic fever's or Q fever's. A word of the question's family that the stemmer leaves apart counts
/// for it ("treatment" for "treated": <see cref="QueryTerms.Shared"/>). The parts of a
/// hyphenated word of the question count only where they stand together ("first" of "first-line" is not the "first" of
/// "first diagnosed"). A sentence about another numbered kind of what was asked ("type 1 diabetes" for "type 2
/// diabetes", by itself or by its document's title when it names none) is off-focus too, and so is one that names what a
/// patient page's title puts before the asked condition ("familial" on the page "Familial prostate cancer" for "What is
/// prostate cancer?") or does not name the asked condition on such a page: it is about a narrower condition.
/// </summary>
public sealed partial class PassageRanker(Analyzer analyzer)
{
    /// <summary>Scored sentences of <paramref name="documents"/>, in no particular order.</summary>
    /// <param name="focusTerms">The terms of the question's focus (<see cref="Core.Questions.QuestionAnalyzer.Focus"/>), read as the question's are, the one to anchor on first.</param>
    /// <param name="compounds">The question's hyphenated words (<see cref="QueryTerms.Compounds"/>).</param>
    /// <param name="focusIsName">The focus is a document's title ("Hay Fever"): a document that does not name all of it is off-focus.</param>
    public IReadOnlyList<ScoredPassage> Rank(
        IReadOnlyList<(string Term, int Count)> questionTerms,
        IReadOnlyDictionary<string, double> idf,
        IReadOnlyList<SearchHit> hits,
        IReadOnlyDictionary<DocumentKey, Document> documents,
        IReadOnlyList<string>? focusTerms = null,
        IReadOnlyList<Compound>? compounds = null,
        IReadOnlySet<string>? kinds = null,
        bool focusIsName = false)
    {
        kinds ??= new HashSet<string>();
        var total = questionTerms.Sum(t => idf.GetValueOrDefault(t.Term));
        if (total <= 0 || hits.Count == 0)
        {
            return [];
        }

        compounds ??= [];
        var pairs = compounds.SelectMany(c => c.Pairs).ToHashSet(StringComparer.Ordinal);
        // A sentence's words with the form each shares with its family: "treatment" covers "treated" (both "treat").
        HashSet<string> Read(string text) => QueryTerms.Set(analyzer, text, pairs, families: true);
        var family = questionTerms.Select(t => (t.Term, Shared: QueryTerms.Shared(t.Term)))
            .Where(t => t.Shared is not null).DistinctBy(t => t.Term).ToDictionary(t => t.Term, t => t.Shared!, StringComparer.Ordinal);
        var bound = compounds.SelectMany(c => c.Parts).ToHashSet(StringComparer.Ordinal);
        bool Has(HashSet<string> words, string term) =>
            bound.Contains(term)
                ? compounds.Any(c => c.Parts.Contains(term) && c.In(words))
                : words.Contains(term) || (family.TryGetValue(term, out var shared) && words.Contains(shared));

        var topScore = hits[0].Score;
        // Every retrieved document analysed once: its frame (title and question) and each sentence's words.
        var analysed = hits
            .Where(h => documents.ContainsKey(h.Key))
            .Select(h => (Hit: h, Document: documents[h.Key]))
            .Select(x => (x.Hit, x.Document,
                Frame: Read(string.Join(' ', [x.Document.Title, .. x.Document.Fields.GetValueOrDefault(DocumentFields.Question) ?? [], .. x.Document.Fields.GetValueOrDefault(DocumentFields.Scope) ?? []])),
                Texts: x.Document.Passages.Select(p => x.Document.Quote(p.Span)).ToList()))
            .Select(x => (x.Hit, x.Document, x.Frame, x.Texts,
                Sentences: x.Texts.Select(Read).ToList(),
                // A list covers the question by what introduces it, not by the items it names.
                Subjects: x.Texts.Select(t => ShortLists.Subject(t) is var subject && !ReferenceEquals(subject, t) ? Read(subject) : null).ToList(),
                Tables: x.Texts.Select(SymptomTables.Is).ToList()))
            .ToList();
        bool Mentions((SearchHit Hit, Document Document, HashSet<string> Frame, List<string> Texts, List<HashSet<string>> Sentences, List<HashSet<string>?> Subjects, List<bool> Tables) d, string term) =>
            Has(d.Frame, term) || d.Sentences.Any(s => Has(s, term));
        var found = questionTerms.Select(t => t.Term).Where(t => analysed.Any(d => Mentions(d, t))).OrderByDescending(t => idf.GetValueOrDefault(t)).ToList();
        var anchor = focusTerms?.FirstOrDefault(found.Contains) ?? found.FirstOrDefault();

        var asked = questionTerms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var focusFound = found.Where(t => focusTerms?.Contains(t) == true).ToList();

        // The words a patient page's title puts before the asked condition: "Familial" prostate cancer, "Basilar" migraine,
        // "Pulmonary" hypertension. A research paper's title is a claim, not the name of a condition.
        HashSet<string> Modifiers(Document document)
        {
            if (focusFound.Count == 0 || document.EvidenceLevel != EvidenceLevel.PatientInformation)
            {
                return [];
            }

            // A page titled by a question ("How to prevent Shingles?") is not named after a condition.
            var name = Parenthesised().Replace(document.Title, " ");
            var title = QueryTerms.Analyze(analyzer, name).Select(t => t.Term).ToList();
            if (name.Contains('?') || AsksSomething().IsMatch(name) || !focusFound.All(title.Contains))
            {
                return [];
            }

            // Only the words right before it: "Overweight and obesity" names two conditions, not a kind of obesity.
            var words = Words().Matches(name).Select(m => m.Value).ToList();
            var first = words.FindIndex(w => QueryTerms.Set(analyzer, w).Overlaps(focusFound));
            var before = words.Take(Math.Max(first, 0)).Reverse().TakeWhile(w => !Joins().IsMatch(w)).Reverse();
            return QueryTerms.Set(analyzer, string.Join(' ', before)).Where(t => !asked.Contains(t)).ToHashSet(StringComparer.Ordinal);
        }

        var ranked = new List<ScoredPassage>();
        foreach (var d in analysed)
        {
            var (hit, document, frame, texts, sentences, subjects, tables) = d;
            var headings = document.Sections.Select(s => Read(s.Heading)).ToList();
            var documentScore = hit.Score / topScore;
            var onFocus = (anchor is null || Mentions(d, anchor)) && (!focusIsName || focusFound.All(t => Mentions(d, t)));
            var otherKind = NumberedKinds.OthersOnly(document.Title, kinds);
            var narrower = Modifiers(document);
            // A symptom table lists the signs of its page's condition: it answers only for that condition, the one the
            // question names in full ("Northern epilepsy"'s table is not what "the symptoms of epilepsy" are).
            var titleAsked = tables.Contains(true) && QueryTerms.Set(analyzer, document.Title).IsSubsetOf(asked);
            for (var i = 0; i < document.Passages.Count; i++)
            {
                var passage = document.Passages[i];
                var words = subjects[i] ?? sentences[i];
                double own = 0, framed = 0;
                foreach (var (term, _) in questionTerms)
                {
                    var weight = idf.GetValueOrDefault(term);
                    if (Has(words, term))
                    {
                        own += weight;
                        framed += weight;
                    }
                    else if (Has(frame, term) || Has(headings[passage.Section], term))
                    {
                        framed += weight;
                    }
                }

                var score = (0.5 * documentScore) + (0.3 * own / total) + (0.2 * framed / total) - (0.005 * Math.Min(i, 10));
                // On a narrower condition's page, a sentence that does not name the asked condition itself is about the page's.
                var focused = onFocus && (titleAsked || !tables[i]) && (narrower.Count == 0 || (!words.Overlaps(narrower) && focusFound.All(words.Contains)))
                    && !(NumberedKinds.NamesKind(texts[i], kinds) ? NumberedKinds.OthersOnly(texts[i], kinds) : otherKind);
                ranked.Add(new ScoredPassage(document, passage, score, framed / total * (focused ? 1 : 0.25)));
            }
        }

        return ranked;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    // Words and the marks between them: "and", "or" and any mark ("&", ",", ":", a site's "»") end a name.
    [GeneratedRegex(@"[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(and|or|[^\p{L}\p{N}])$", RegexOptions.IgnoreCase)]
    private static partial Regex Joins();

    [GeneratedRegex(@"^\s*(how|what|why|when|where|who|which|is|are|can|do|does|should)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksSomething();
}
