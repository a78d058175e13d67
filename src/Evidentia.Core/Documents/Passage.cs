namespace Evidentia.Core.Documents;

/// <summary>One sentence of a document: its span of the stored text and the index of its section.</summary>
public readonly record struct Passage(TextSpan Span, int Section);
