namespace Evidentia.Core.Answers;

/// <summary>A heading and its cited bullets.</summary>
public sealed record AnswerSection(string Heading, IReadOnlyList<AnswerItem> Items);
