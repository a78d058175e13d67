using System.Reflection;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Search.Retrieval;

namespace Evidentia.Search;

/// <summary>
/// Whether the evidence found answers the question (issue 23, item 5): a logistic regression over the reranker's score
/// of the best document and how near the nearest of the first five documents is to the question in meaning (their
/// titles and own questions against the question, by the sentence encoder), trained on the dev questions with and
/// without a relevant document and cross-validated (<c>bench -- answers --answerability</c>; docs/EVALUATION.md,
/// "Answerability"). Its probability is the relevance an answer shows; below <see cref="Threshold"/> the question is
/// declined, and no sentence under <see cref="RelevanceFloor"/> (the word-overlap relevance) is used whatever it says.
/// It applies when the search was hybrid (the vectors built), one model per kind of best document
/// (<see cref="AnswerabilityModels"/>); otherwise the composer's relevance threshold decides.
/// </summary>
public sealed record Answerability(double[] Mean, double[] Scale, double[] Weights, double Bias, double Threshold, double RelevanceFloor)
{
    // Before Shipped: static fields are initialised in order.
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>How many of the first documents the nearest in meaning is taken from.</summary>
    public const int NearestOf = 5;

    /// <summary>The signals, in the model's order: the best document's reranker score, the nearest document in meaning.</summary>
    public static double[] Features(IReadOnlyList<SearchHit> hits) =>
        [hits.Count > 0 ? hits[0].Score : 0, hits.Take(NearestOf).Select(h => (double)(h.Meaning ?? 0)).DefaultIfEmpty(0).Max()];

    public double Probability(double[] features)
    {
        var z = Bias;
        for (var i = 0; i < features.Length; i++)
        {
            z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// The answer with its relevance replaced by the probability that its evidence answers the question, declined when
    /// that is below <see cref="Threshold"/>.
    /// </summary>
    public Answer Apply(Answer answer, IReadOnlyList<SearchHit> hits)
    {
        if (answer.Relevance is null || answer.Outcome == AnswerOutcome.Emergency)
        {
            return answer;
        }

        var probability = Probability(Features(hits));
        answer = answer with { Relevance = Math.Round(probability, 4) };
        return answer.Outcome == AnswerOutcome.Answered && probability < Threshold
            ? answer with
            {
                Outcome = AnswerOutcome.InsufficientEvidence,
                Reason = $"Not enough evidence: the closest sources are unlikely to answer this question (estimated {probability:P0} that they do; at least {Threshold:P0} is required).",
                BottomLine = [],
                Sections = [],
                References = [],
            }
            : answer;
    }

    public static Answerability Read(string json) =>
        JsonSerializer.Deserialize<Answerability>(json, JsonOptions) is { Mean: not null, Scale: not null, Weights: not null } model
            ? model
            : throw new InvalidDataException("Not an answerability model.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A shipped model (<c>answerability-{kind}.json</c> beside this code), null when none was trained.</summary>
    internal static Answerability? Load(string kind)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Evidentia.Search.answerability-{kind}.json");
        return stream is null ? null : Read(new StreamReader(stream).ReadToEnd());
    }
}

/// <summary>
/// One answerability model per kind of best document, each trained on questions whose best evidence is of that kind:
/// question-answer pages (LiveQA-Med and MEDIQA dev questions with and without a relevant page) and guidelines (the NGC
/// dev questions, over their evidence as found and with their relevant guidelines left out). Articles and abstracts have
/// none yet: the composer's relevance threshold decides for them.
/// </summary>
public sealed record AnswerabilityModels(Answerability? Questions, Answerability? Guidelines)
{
    /// <summary>The kinds, as the shipped files name them (<c>answerability-{kind}.json</c>).</summary>
    public const string QuestionsKind = "questions", GuidelinesKind = "guidelines";

    /// <summary>The models Evidentia ships.</summary>
    public static AnswerabilityModels Shipped { get; } = new(Answerability.Load(QuestionsKind), Answerability.Load(GuidelinesKind));

    /// <summary>The kind of a best document whose model decides, or null (an article or abstract).</summary>
    public static string? KindOf(Document best) =>
        best.Field(DocumentFields.Question) is not null ? QuestionsKind : best.EvidenceLevel == EvidenceLevel.Guideline ? GuidelinesKind : null;

    /// <summary>The model that decides when <paramref name="best"/> is the best document, or null.</summary>
    public Answerability? For(Document best) => KindOf(best) switch
    {
        QuestionsKind => Questions,
        GuidelinesKind => Guidelines,
        _ => null,
    };
}
