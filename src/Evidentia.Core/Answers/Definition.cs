namespace Evidentia.Core.Answers;

/// <summary>A term and the indexed sentence that defines it in plain language.</summary>
public sealed record Definition(string Term, ScoredPassage Passage);
