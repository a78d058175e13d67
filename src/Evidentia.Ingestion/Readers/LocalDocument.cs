using Evidentia.Core.Documents;
using Evidentia.Ingestion.Metadata;

namespace Evidentia.Ingestion.Readers;

/// <summary>The one way local files (Markdown, HTML, text, PDF) become documents: id from the file name, metadata from the header.</summary>
internal static class LocalDocument
{
    public static Document Create(SourceFile file, LocalMetadata metadata, string? fallbackTitle, IReadOnlyList<SourceSection> sections)
    {
        if (sections.All(s => string.IsNullOrWhiteSpace(s.Text)))
        {
            throw new InvalidSourceException("the file has no text");
        }

        var id = file.Id ?? LocalId(file.Name);
        return Document.Create(
            new DocumentKey(file.Collection, id),
            metadata.Title ?? fallbackTitle ?? id,
            sections,
            source: metadata.Source,
            url: metadata.Url,
            year: metadata.Year,
            evidenceLevel: metadata.Level,
            origin: file.Path);
    }

    /// <summary>The formats whose documents are local files, one a file, identified by <see cref="LocalId"/>.</summary>
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "markdown", "html", "text", "pdf" };

    // "Hypertension Guideline.md" -> "hypertension-guideline"
    public static string LocalId(string fileName)
    {
        var stem = fileName;
        while (Path.GetExtension(stem) is { Length: > 0 })
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }

        return Slug(stem);
    }

    /// <summary>The id of a file whose name alone collides with another's: its path below <paramref name="root"/>, extension included ("a/Guide.md" -> "a-guide-md").</summary>
    public static string PathId(string path, string root) => Slug(Path.GetRelativePath(root, path));

    private static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
