using Evidentia.Core.Documents;
using Evidentia.Ingestion.Metadata;

namespace Evidentia.Ingestion.Readers;

/// <summary>Plain text, with metadata in a sidecar <c>NAME.meta.yaml</c>.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public string Format => "text";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        yield return LocalDocument.Create(file, LocalMetadata.FromSidecar(file.Path), null, [new SourceSection("", file.ReadAllText())]);
    }
}
