namespace Evidentia.Core.Documents;

/// <summary>A section as a reader found it in a source: a heading (may be empty) and its raw text.</summary>
public sealed record SourceSection(string Heading, string Text);
