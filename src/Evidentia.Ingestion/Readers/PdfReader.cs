using Evidentia.Core.Documents;
using Evidentia.Ingestion.Metadata;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Evidentia.Ingestion.Readers;

/// <summary>PDF through PdfPig, text in reading order, one section a page; metadata in a sidecar <c>NAME.meta.yaml</c>.</summary>
public sealed class PdfReader : IDocumentReader
{
    public string Format => "pdf";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        var metadata = LocalMetadata.FromSidecar(file.Path);
        var sections = new List<SourceSection>();
        string? title;
        var page = 0;
        try
        {
            using var pdf = PdfDocument.Open(file.Path);
            title = pdf.Information.Title;
            foreach (var p in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                page = p.Number;
                sections.Add(new SourceSection($"Page {p.Number}", ContentOrderTextExtractor.GetText(p)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidSourceException)
        {
            throw new InvalidSourceException($"unreadable PDF{(page > 0 ? $" (page {page})" : "")}: {e.Message}", page > 0 ? page : null, e);
        }

        yield return LocalDocument.Create(file, metadata, string.IsNullOrWhiteSpace(title) ? null : title, sections);
    }
}
