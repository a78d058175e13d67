using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// The learned second stage: a LightGBM LambdaMART ensemble of regression trees over
/// <see cref="RerankFeatures"/>, trained by <c>bench -- rerank</c> on the dev benchmarks (cross-validated
/// figures in docs/EVALUATION.md) and kept in this assembly as <c>Retrieval/reranker.json</c>. Scoring a
/// candidate walks each tree from its root: a feature at or below the node's threshold goes left.
/// </summary>
public sealed class Reranker
{
    // Declared before Default, which reads with it.
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Model _model;

    private Reranker(Model model)
    {
        if (!model.Features.SequenceEqual(RerankFeatures.Names) && !model.Features.SequenceEqual(RerankFeatures.HybridNames))
        {
            throw new InvalidDataException(
                $"The reranker was trained on features [{string.Join(", ", model.Features)}], not [{string.Join(", ", RerankFeatures.Names)}] (or those and the dense ones): train it again (bench -- retrieval --write-model).");
        }

        _model = model;
    }

    // Loaded on first use, not when the type is: after the features change, the bench must still reach ToJson to write
    // the model that replaces this one.
    private static readonly Lazy<Reranker> Shipped = new(() => Load("reranker.json") ?? throw new InvalidOperationException("The reranker model is missing from the assembly."));

    private static readonly Lazy<Reranker?> ShippedHybrid = new(() => Load("reranker-hybrid.json"));

    /// <summary>The lexical model shipped with this assembly.</summary>
    public static Reranker Default => Shipped.Value;

    /// <summary>The hybrid model shipped with this assembly (lexical and sentence-vector features), or null when none is.</summary>
    public static Reranker? Hybrid => ShippedHybrid.Value;

    /// <summary>Whether the model reads the sentence-vector features (<see cref="RerankFeatures.HybridNames"/>).</summary>
    public bool IsHybrid => _model.Features.Count == RerankFeatures.HybridNames.Length;

    /// <summary>Number of trees.</summary>
    public int Trees => _model.Trees.Count;

    /// <summary>A model from its JSON form (what <see cref="ToJson"/> writes).</summary>
    public static Reranker FromJson(string json) =>
        new(JsonSerializer.Deserialize<Model>(json, JsonOptions) ?? throw new InvalidDataException("An empty reranker model."));

    /// <summary>The JSON form of a model: feature names, bias and the trees.</summary>
    public static string ToJson(IReadOnlyList<string> features, double bias, IReadOnlyList<Tree> trees) =>
        JsonSerializer.Serialize(new Model(features, bias, trees), JsonOptions);

    /// <summary>The score of one candidate's features (higher is better).</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var score = _model.Bias;
        foreach (var tree in _model.Trees)
        {
            var node = tree.Feature.Length == 0 ? ~0 : 0;
            while (node >= 0)
            {
                node = features[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            }

            score += tree.Weight * tree.Leaf[~node];
        }

        return score;
    }

    private static Reranker? Load(string name)
    {
        using var stream = typeof(Reranker).Assembly.GetManifestResourceStream("Evidentia.Search.Retrieval." + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>
    /// One regression tree: for inner node i, the feature it splits on, its threshold and its children
    /// (a negative child c is leaf ~c).
    /// </summary>
    public sealed record Tree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaf);

    private sealed record Model(
        [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
        [property: JsonPropertyName("bias")] double Bias,
        [property: JsonPropertyName("trees")] IReadOnlyList<Tree> Trees);
}
