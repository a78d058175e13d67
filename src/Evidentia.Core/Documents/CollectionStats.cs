namespace Evidentia.Core.Documents;

/// <summary>Document and passage counts of one collection.</summary>
public sealed record CollectionStats(string Collection, int Documents, int QuestionOnly, long Passages);
