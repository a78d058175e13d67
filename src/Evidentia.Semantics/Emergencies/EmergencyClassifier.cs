using System.Numerics.Tensors;
using Evidentia.Core.Questions;
using Evidentia.Core.Text;

namespace Evidentia.Semantics.Emergencies;

/// <summary>
/// Flags questions that describe an emergency happening now with a model learned over the encoder's vectors, so
/// that phrasings and topics nobody wrote a rule for are caught too; the reason is the nearest red-flag category.
/// </summary>
public sealed class EmergencyClassifier : IEmergencyDetector
{
    private readonly ITextEncoder _encoder;
    private readonly EmergencyModel _model;

    /// <exception cref="ArgumentException">The model was trained on another encoder's vectors.</exception>
    public EmergencyClassifier(ITextEncoder encoder, EmergencyModel model)
    {
        if (model.Encoder != encoder.Model || model.Weights.Length != encoder.Dimensions)
        {
            throw new ArgumentException($"The emergency model was trained on {model.Encoder} vectors, not on {encoder.Model}'s.", nameof(model));
        }

        _encoder = encoder;
        _model = model;
    }

    public string? Detect(string question) => Detect(_encoder.Encode([question])[0]);

    /// <summary>The reason for a question's vector, or null below the model's threshold.</summary>
    public string? Detect(float[] vector) =>
        Probability(vector) >= _model.Threshold
            ? _model.Categories.MaxBy(c => TensorPrimitives.Dot(c.Centroid, vector))?.Reason
            : null;

    /// <summary>The model's probability that the question's vector describes an emergency now.</summary>
    public double Probability(float[] vector) => 1 / (1 + Math.Exp(-(TensorPrimitives.Dot(_model.Weights, vector) + _model.Bias)));
}
