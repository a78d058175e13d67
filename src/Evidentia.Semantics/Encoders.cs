using Evidentia.Core.Questions;
using Evidentia.Semantics.Emergencies;

namespace Evidentia.Semantics;

/// <summary>
/// The process's encoder, loaded on first use (about 90 MB of model, shared by every data folder the process opens),
/// and the detectors learned over it.
/// </summary>
public static class Encoders
{
    private static readonly EncoderModel Configured = EncoderModel.Named(Environment.GetEnvironmentVariable("EVIDENTIA_Encoder__Model") ?? "");

    private static readonly Lazy<OnnxTextEncoder> Shared = new(() => new OnnxTextEncoder(Configured));

    private static readonly Lazy<IEmergencyDetector?> SharedEmergencies = new(() =>
        EmergencyModel.Bundled() is { } model && model.Encoder == Shared.Value.Model ? new EmergencyClassifier(Shared.Value, model) : null);

    /// <summary>The configured encoder's name, known without loading it.</summary>
    public static string ModelName => Configured.Name;

    /// <summary>The width of the bundled encoders' vectors.</summary>
    public const int Dimensions = 384;

    /// <summary>The encoder: arctic-embed-xs unless <c>EVIDENTIA_Encoder__Model</c> names another bundled model.</summary>
    public static OnnxTextEncoder Default => Shared.Value;

    /// <summary>The emergency classifier over <see cref="Default"/>, or null when no model was trained for that encoder.</summary>
    public static IEmergencyDetector? Emergencies => SharedEmergencies.Value;
}
