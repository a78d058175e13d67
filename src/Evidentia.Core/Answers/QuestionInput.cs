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
}
