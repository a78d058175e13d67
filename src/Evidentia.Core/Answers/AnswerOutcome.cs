namespace Evidentia.Core.Answers;

/// <summary>How a question was answered. Anything but <see cref="Answered"/> comes with a reason.</summary>
public enum AnswerOutcome
{
    Answered,
    InsufficientEvidence,
    OutOfScope,
    Emergency,
}
