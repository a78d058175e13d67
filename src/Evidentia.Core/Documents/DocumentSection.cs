namespace Evidentia.Core.Documents;

/// <summary>A section of a document's stored text, with the heading it had in its source (may be empty).</summary>
public sealed record DocumentSection(string Heading, TextSpan Span)
{
    /// <summary>
    /// The heading of a section that holds the source's title (a BioASQ title snippet): searched and scored
    /// like the rest, never quoted as a statement, since the reference shows the title already.
    /// </summary>
    public const string TitleHeading = "Title";
}
