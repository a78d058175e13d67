using System.Text.Json;
using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// BioASQ snippets (<c>snippets_corpus.jsonl.gz</c>): one document per PMID, one section per snippet
/// (its sentences are the passages). The title is the title snippet when there is one.
/// </summary>
public sealed class BioAsqReader : IDocumentReader
{
    public string Format => "bioasq";

    public string DefaultCollection => "bioasq";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var pmid = e.Required("pmid");
            var snippets = e.TryGetProperty("snippets", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray()
                    .Select(x => (Section: x.String("section") ?? "", Text: x.String("text") ?? ""))
                    .Where(x => !string.IsNullOrWhiteSpace(x.Text))
                    .ToList()
                : [];
            if (snippets.Count == 0)
            {
                throw new InvalidSourceException($"PMID {pmid} has no snippet text");
            }

            var title = snippets.FirstOrDefault(x => x.Section == "title").Text ?? snippets[0].Text;
            return Document.Create(
                new DocumentKey(file.Collection, pmid),
                PubMed.TitleFromFirstSentence(title, pmid),
                snippets.Select(x => new SourceSection(x.Section == "title" ? "Title" : "Abstract", x.Text)),
                source: "PubMed",
                url: PubMed.Url(pmid),
                evidenceLevel: EvidenceLevel.Research,
                origin: origin);
        });
}
