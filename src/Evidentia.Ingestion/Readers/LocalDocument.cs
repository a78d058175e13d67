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

        var id = LocalId(file.Name);
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

    // "Hypertension Guideline.md" -> "hypertension-guideline"
    private static string LocalId(string fileName)
    {
        var stem = fileName;
        while (Path.GetExtension(stem) is { Length: > 0 })
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }

        var chars = stem.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
