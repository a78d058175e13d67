using System.Text.Json;

namespace Evidentia.Search;

/// <summary>
/// A logistic regression over standardised features, as the bench fits it (<c>bench/Evidentia.Bench</c>, Newton's method
/// with an L2 penalty): the probability is <c>1 / (1 + e^-(Bias + Σ Weights[i] · (x[i] − Mean[i]) / Scale[i]))</c>.
/// The learned models Evidentia ships (answerability, sentence choice) are of this form, kept as JSON beside their code.
/// </summary>
public record LogisticModel(double[] Mean, double[] Scale, double[] Weights, double Bias)
{
    protected static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>The probability of the positive class for <paramref name="features"/>, in the model's order.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < features.Length; i++)
        {
            z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    public string ToJson() => JsonSerializer.Serialize(this, GetType(), JsonOptions);
}
