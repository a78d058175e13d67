namespace Evidentia.Core.Text;

/// <summary>
/// A sentence encoder: text to a unit-length vector whose dot product with another measures how close their meanings
/// are. Deterministic: the same text gives the same vector on every call and in every batch.
/// </summary>
public interface ITextEncoder
{
    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>The model's name, recorded beside stored vectors so that vectors of another model are never compared.</summary>
    string Model { get; }

    /// <summary>
    /// Encodes texts, in order. <paramref name="asQuery"/> marks search queries that look for passages answering them
    /// (a model with a query prefix adds it); questions compared with other questions are not queries in this sense.
    /// The vectors may be shared with other callers: read them, never change them.
    /// </summary>
    float[][] Encode(IReadOnlyList<string> texts, bool asQuery = false);
}
