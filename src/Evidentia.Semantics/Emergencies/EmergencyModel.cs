using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evidentia.Semantics.Emergencies;

/// <summary>
/// A logistic regression over a question's sentence vector (emergency happening now, or not), and the centre of each
/// red-flag category's examples, which names what the question describes. Trained by the bench tool
/// (<c>emergencies --write-model</c>) from <c>training.jsonl</c> and the dev benchmark questions.
/// </summary>
public sealed record EmergencyModel(
    [property: JsonPropertyName("encoder")] string Encoder,
    [property: JsonPropertyName("weights")] float[] Weights,
    [property: JsonPropertyName("bias")] float Bias,
    [property: JsonPropertyName("threshold")] float Threshold,
    [property: JsonPropertyName("categories")] IReadOnlyList<EmergencyCategory> Categories)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The model Evidentia ships, or null when none has been trained.</summary>
    public static EmergencyModel? Bundled()
    {
        using var stream = typeof(EmergencyModel).Assembly.GetManifestResourceStream("Evidentia.Semantics.Emergencies.emergency-model.json");
        return stream is null ? null : JsonSerializer.Deserialize<EmergencyModel>(stream, Json);
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>A red-flag category: what the urgent-care message says the question describes, and its examples' centre.</summary>
public sealed record EmergencyCategory(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("centroid")] float[] Centroid);
