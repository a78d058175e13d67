namespace Evidentia.Core.Answers;

/// <summary>
/// The exact span of a stored document behind citation <paramref name="N"/>: <c>Text</c> equals the stored text at [Start, End).
/// <paramref name="Grade"/> is the recommendation grade a guideline wrote in that span ("Level B"; <see cref="Documents.RecommendationGrades"/>), or null.
/// </summary>
public sealed record Quote(int N, string DocumentId, string Collection, int Start, int End, string Text, string? Grade = null);
