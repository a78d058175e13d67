using Evidentia.Core.Questions;

namespace Evidentia.Core.Answers;

/// <summary>A question to compose an answer for, as analysed, and who asks it.</summary>
public sealed record AnswerRequest(string Question, Audience Audience, QuestionAnalysis Analysis)
{
    /// <summary>The id a batch input gave the question.</summary>
    public string? QuestionId { get; init; }

    /// <summary>The conversation the question belongs to.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The question as searched: a follow-up completed with its thread's focus.</summary>
    public string? EffectiveQuestion { get; init; }

    /// <summary>
    /// The answer's id, when the caller computed it (<see cref="AnswerComposer.AnswerId"/> of the question as asked, or of
    /// a follow-up as its thread completes it), before the question was searched by another name: the library finds the
    /// answer by the question it was asked with.
    /// </summary>
    public string? AnswerId { get; init; }

    /// <summary>
    /// The relevance below which a sentence is not used and the question is declined, when the caller decides
    /// answerability itself (a learned model over more than relevance); null: <see cref="ComposerOptions.MinRelevance"/>.
    /// </summary>
    public double? MinRelevance { get; init; }
}
