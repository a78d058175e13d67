namespace Evidentia.Core.Answers;

/// <summary>An already-answered question near this one, and the answer it leads to when there is one.</summary>
public sealed record RelatedQuestion(string Text, string? AnswerId);
