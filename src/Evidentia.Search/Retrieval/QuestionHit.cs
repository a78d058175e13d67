using Evidentia.Core.Documents;

namespace Evidentia.Search.Retrieval;

/// <summary>An indexed question (MedQuAD's, answered or question-only) near a query.</summary>
public sealed record QuestionHit(string Question, DocumentKey Key, string Title, string? QuestionType, bool Citable, float Score);
