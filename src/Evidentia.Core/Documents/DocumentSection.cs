namespace Evidentia.Core.Documents;

/// <summary>A section of a document's stored text, with the heading it had in its source (may be empty).</summary>
public sealed record DocumentSection(string Heading, TextSpan Span);
