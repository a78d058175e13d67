using Evidentia.Core.Questions;

namespace Evidentia.Core.Conversations;

/// <summary>One question of a conversation, with what a follow-up inherits from it.</summary>
public sealed record ConversationTurn(string ConversationId, int Turn, string Question, string SearchedAs, QuestionType Type, string? Focus, string AnswerId);
