using System.Diagnostics;
using System.Text.RegularExpressions;
using Evidentia.Core.Answers;
using Evidentia.Core.Conversations;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;
using Evidentia.Core.Text;
using Evidentia.Search.Retrieval;

namespace Evidentia.Search;

/// <summary>
/// Answers a question: analyse it (completing a follow-up with its thread), retrieve documents, rank their
/// sentences, compose a cited answer, and attach related questions and follow-ups the corpus can answer. An emergency
/// is told by <paramref name="emergencies"/> (a learned detector), with the red-flag rules of <see cref="QuestionAnalyzer"/>
/// as a backstop. When the search was hybrid, <paramref name="answerability"/> (a learned model) decides whether the
/// evidence answers, by the kind of the best document, above a relevance floor; otherwise the composer's relevance threshold decides.
/// </summary>
public sealed partial class AnswerEngine(
    IDocumentStore store, DocumentSearcher searcher, SearchOptions options, IAnswerComposer composer, IConversationStore? conversations = null,
    IEmergencyDetector? emergencies = null, AnswerabilityModels? answerability = null)
{
    private const int RelatedQuestions = 6;
    private const int SuggestedFollowUps = 4;

    private readonly PassageRanker _ranker = new(searcher.Index.IndexAnalyzer);

    /// <summary>Answers a question asked outside any conversation.</summary>
    /// <exception cref="ArgumentException">The question is empty or too long (see <see cref="QuestionRules"/>).</exception>
    public Task<Answer> AskAsync(string question, Audience audience, string? questionId, CancellationToken cancellationToken) =>
        AskAsync(new QuestionInput(question, audience) { QuestionId = questionId }, cancellationToken);

    /// <summary>Answers a question; with a conversation id, a follow-up inherits its thread's focus and the turn is kept.</summary>
    /// <exception cref="ArgumentException">The question is empty or too long (see <see cref="QuestionRules"/>).</exception>
    public async Task<Answer> AskAsync(QuestionInput input, CancellationToken cancellationToken)
    {
        if (QuestionRules.Validate(input.Text) is { } error)
        {
            throw new ArgumentException(error, nameof(input));
        }

        var clock = Stopwatch.StartNew();
        var turns = input.ConversationId is { } id && conversations is not null
            ? await conversations.GetTurnsAsync(id, cancellationToken)
            : [];
        var (analysis, searchedAs) = FollowUps.Resolve(turns.Count > 0 ? turns[^1] : null, input.Text, Analyze(input.Text));
        // The id goes by the question as asked (a follow-up as its thread completes it), not by a name it is searched by.
        var answerId = AnswerComposer.AnswerId(searchedAs, input.Audience);
        // Asked by another name than the sources use ("hypertension" for their "High Blood Pressure"): searched by theirs.
        if (analysis.Focus is { } focusName && searcher.PreferredName(focusName) is { } name && searchedAs.Contains(focusName, StringComparison.OrdinalIgnoreCase))
        {
            searchedAs = searchedAs.Replace(focusName, name, StringComparison.OrdinalIgnoreCase);
            analysis = analysis with { Focus = name };
        }

        var retrieved = searcher.Retrieve(searchedAs, options.AnswerDocuments, input.Collection, input.Excluding);
        var hits = retrieved.Hits;
        var documents = (await store.GetAsync(hits.Select(h => h.Key).ToList(), cancellationToken)).ToDictionary(d => d.Key);
        var focusWords = QuestionAnalyzer.Focus(searchedAs);
        var (terms, focus, compounds) = searcher.QuestionTerms(searchedAs, focusWords);
        var templates = searcher.Templates(documents.Values);
        var passages = _ranker.Rank(
                terms, searcher.Idf(terms.Select(t => t.Term)), hits, documents, focus, compounds, NumberedKinds.Of(searchedAs),
                focusIsName: focusWords is not null && searcher.IsTitle(focusWords))
            .Where(p => !templates.Contains((p.Document.Key, p.Passage)))
            .ToList();
        var definitions = input.Audience == Audience.Patient ? await DefinitionsAsync(passages, cancellationToken) : [];
        var retrieve = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        // A model learned for the kind of the best document (a question-answer page, a guideline); for an article or
        // abstract, the relevance threshold decides, as it did before (docs/EVALUATION.md, "Answerability").
        var learned = retrieved.Hybrid && hits.Count > 0 && documents.TryGetValue(hits[0].Key, out var first) ? answerability?.For(first) : null;
        var request = new AnswerRequest(input.Text, input.Audience, analysis)
        {
            QuestionId = input.QuestionId,
            ConversationId = input.ConversationId,
            EffectiveQuestion = searchedAs,
            AnswerId = answerId,
            MinRelevance = learned?.RelevanceFloor,
        };
        var answer = await composer.ComposeAsync(request, passages, definitions, cancellationToken);
        answer = learned is null ? answer : learned.Apply(answer, hits);
        answer = answer with
        {
            Retrieval = retrieved.Hybrid ? "hybrid" : "lexical",
            RelatedQuestions = Related(searchedAs, input.Audience, exclude: input.Text),
            FollowUps = answer.References.Count > 0 ? Suggestions(input.Text, answer.References[0], analysis) : [],
        };
        var compose = clock.Elapsed.TotalMilliseconds;

        if (input.ConversationId is { } conversationId && conversations is not null)
        {
            await conversations.AppendAsync(
                new ConversationTurn(conversationId, turns.Count + 1, input.Text, searchedAs, analysis.Type, analysis.Focus, answer.Id), cancellationToken);
        }

        return answer with
        {
            TimingsMs = new Dictionary<string, double> { ["retrieve"] = Math.Round(retrieve, 2), ["compose"] = Math.Round(compose, 2) },
        };
    }

    /// <summary>
    /// A question's type, focus and emergency: the learned detector's reason, or the red-flag rules' when they match
    /// (the rules are a backstop, read first because they cost nothing).
    /// </summary>
    public QuestionAnalysis Analyze(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        return !analysis.IsEmergency && emergencies?.Detect(question) is { } emergency ? analysis with { EmergencyReason = emergency } : analysis;
    }

    /// <summary>The nearest indexed questions to <paramref name="question"/>, one per wording, each with the id its answer gets.</summary>
    public IReadOnlyList<RelatedQuestion> Related(string question, Audience audience, string? exclude = null)
    {
        var asked = Normalize(exclude ?? question);
        return searcher.SearchQuestions(question, 40)
            .Where(h => Normalize(h.Question) != asked)
            // "… Noonan syndrome 1?", "… Noonan syndrome 2?": one of a numbered series is enough.
            .DistinctBy(h => Digits().Replace(Normalize(h.Question), ""))
            .Take(RelatedQuestions)
            .Select(h => new RelatedQuestion(Tidy(h.Question), AnswerComposer.AnswerId(Tidy(h.Question), audience)))
            .ToList();
    }

    // Other questions about the focus of the main reference that the corpus answers (citable documents).
    private IReadOnlyList<string> Suggestions(string question, Reference main, QuestionAnalysis analysis)
    {
        var asked = Normalize(question);
        return searcher.SearchQuestions(analysis.Focus ?? main.Title, 60)
            .Where(h => h.Citable && string.Equals(h.Title, main.Title, StringComparison.OrdinalIgnoreCase) && Normalize(h.Question) != asked)
            .Where(h => QuestionAnalyzer.Analyze(h.Question).Type != analysis.Type)
            .DistinctBy(h => h.QuestionType ?? Normalize(h.Question))
            .Take(SuggestedFollowUps)
            .Select(h => Tidy(h.Question))
            .ToList();
    }

    // Plain-language definitions (MedQuAD overview documents) of terms in the best candidate sentences.
    private async Task<IReadOnlyList<Definition>> DefinitionsAsync(IReadOnlyList<ScoredPassage> passages, CancellationToken cancellationToken)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages.OrderByDescending(p => p.Score).Take(30))
        {
            var words = Word().Matches(passage.Text).Select(m => m.Value.ToLowerInvariant()).ToList();
            for (var n = 1; n <= 3; n++)
            {
                for (var i = 0; i + n <= words.Count; i++)
                {
                    terms.Add(string.Join(' ', words.Skip(i).Take(n)));
                }
            }
        }

        var found = searcher.FindDefinitions(terms);
        var documents = (await store.GetAsync(found.Values.Distinct().ToList(), cancellationToken)).ToDictionary(d => d.Key);
        var definitions = new List<Definition>();
        // Longer terms first: "sickle cell anemia" before "anemia"; then in order of the alphabet, whatever the index's order.
        foreach (var (term, key) in found.OrderByDescending(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            // The sentence that says what the term is, among the overview's first three: not one that only uses it.
            var defines = Definition.Defines(term);
            if (documents.TryGetValue(key, out var document)
                && document.Passages.Take(3).Select(p => new ScoredPassage(document, p, 0, 1)).FirstOrDefault(s => Definition.Says(defines, s)) is { } sentence)
            {
                definitions.Add(new Definition(term, sentence));
            }
        }

        return definitions;
    }

    private static string Normalize(string question) => WhitespaceNormalizer.CollapseAll(question.ToLowerInvariant()).Trim(' ', '?', '.');

    /// <summary>
    /// An indexed question as shown: MedQuAD's read "What is (are) X ?" and "Who is at risk for X? ?", shown as written
    /// but with one mark and no space before it.
    /// </summary>
    public static string Tidy(string question) => QuestionMarks().Replace(WhitespaceNormalizer.CollapseAll(question), "?");

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s*\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(\s*\?)+")]
    private static partial Regex QuestionMarks();
}
