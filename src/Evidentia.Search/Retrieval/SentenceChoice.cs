using System.Reflection;
using System.Text.Json;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// Which sentence states what a question asks (issue 23, item 4): a logistic regression over a sentence's signals
/// (<see cref="Names"/>, computed by <see cref="PassageRanker"/>), trained on the dev judgments at the sentence level and
/// cross-validated by question (<c>bench -- sentences</c>; docs/EVALUATION.md, "Sentence choice"): the sentences of an
/// NGC question's guideline that say one of its key terms, the sentences of a BioASQ question's abstracts that restate its
/// ideal answer, and the sentences of the pages judged to answer a LiveQA-Med or MEDIQA question. Its probability is a
/// sentence's score; the relevance the threshold reads is not the model's.
/// </summary>
public static class SentenceChoice
{
    /// <summary>The signals, in the model's order.</summary>
    public static readonly string[] Names =
    [
        "document score", "document rank", "own coverage", "framed coverage", "heading coverage", "position", "on focus", "names the anchor",
        "length", "guideline", "patient information", "graded", "meaning", "rare terms", "beyond its frame",
    ];

    /// <summary>The model Evidentia ships (<c>sentence-choice.json</c> beside this code).</summary>
    public static LogisticModel Shipped { get; } = Load();

    public static LogisticModel Read(string json) =>
        JsonSerializer.Deserialize<LogisticModel>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) is { Mean.Length: var n, Scale: not null, Weights: not null } model
            && n == Names.Length && model.Scale.Length == n && model.Weights.Length == n
            ? model
            : throw new InvalidDataException($"Not a sentence model of {Names.Length} signals.");

    private static LogisticModel Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Evidentia.Search.Retrieval.sentence-choice.json")
            ?? throw new InvalidOperationException("The sentence model is missing from the build.");
        return Read(new StreamReader(stream).ReadToEnd());
    }
}
