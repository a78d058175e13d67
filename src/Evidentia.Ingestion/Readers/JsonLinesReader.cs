using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// The generic JSON Lines format: <c>{"id", "title", "text", "source", "year", "url", "evidence"}</c>
/// a line, <c>id</c> and <c>text</c> required.
/// </summary>
public sealed class JsonLinesReader : IDocumentReader
{
    public string Format => "jsonl";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var id = e.Required("id");
            var text = e.Required("text");
            var evidence = e.String("evidence");
            if (evidence is not null && !EvidenceLevels.TryParse(evidence, out _))
            {
                throw new InvalidSourceException($"unknown evidence level \"{evidence}\"");
            }

            EvidenceLevels.TryParse(evidence, out var level);
            var url = e.String("url");
            return Document.Create(
                new DocumentKey(file.Collection, id),
                e.String("title") is { Length: > 0 } title ? title : id,
                [new SourceSection("", text)],
                source: e.String("source"),
                url: url,
                year: e.Year("year"),
                evidenceLevel: evidence is null ? EvidenceLevels.FromUrl(url) : level,
                origin: origin);
        });
}
