namespace Evidentia.Core.Answers;

/// <summary>A question as a person asks it: the text, who asks, and optionally the conversation it continues.</summary>
public sealed record QuestionInput(string Text, Audience Audience)
{
    /// <summary>The id a batch input gave the question; echoed in <see cref="Answer.QuestionId"/>.</summary>
    public string? QuestionId { get; init; }

    /// <summary>Only evidence of this collection; null searches every collection.</summary>
    public string? Collection { get; init; }

    /// <summary>The conversation to continue (or start, for a new id); null asks outside any conversation.</summary>
    public string? ConversationId { get; init; }

    /// <summary>
    /// Documents left out of the evidence, as if the corpus lacked them: how the engine answers a question whose answering
    /// documents are not indexed (the leave-out negatives the answerability model learns from). Empty for a person's question.
    /// </summary>
    public IReadOnlySet<Documents.DocumentKey> Excluding { get; init; } = new HashSet<Documents.DocumentKey>();
}
