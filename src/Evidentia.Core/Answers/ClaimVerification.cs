namespace Evidentia.Core.Answers;

/// <summary>
/// What the claim verifier did to a generated answer: sentences generated, kept, and dropped because they
/// cited nothing (valid) or because their cited passages do not support them.
/// </summary>
public sealed record ClaimVerification(int Generated, int Kept, int DroppedUncited, int DroppedUnsupported)
{
    /// <summary>The dropped sentences with why, for reviewers ("unsupported: …").</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Why the generated answer was not used, when it was not (the model failed or replied nonsense).</summary>
    public string? Note { get; init; }
}
