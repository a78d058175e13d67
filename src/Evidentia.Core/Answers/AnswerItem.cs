namespace Evidentia.Core.Answers;

/// <summary>One sentence of an answer, its citation numbers and the quote behind each citation.</summary>
public sealed record AnswerItem(string Text, IReadOnlyList<int> Citations, IReadOnlyList<Quote> Quotes);
