using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// PubMedQA abstracts (<c>abstracts_corpus.jsonl.gz</c>): labelled abstract sections, MeSH terms (and the study
/// design they record) and year.
/// The corpus carries no article title, so the title is the abstract's first sentence.
/// </summary>
public sealed class PubMedQaReader : IDocumentReader
{
    public string Format => "pubmedqa";

    public string DefaultCollection => "pubmedqa";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var pmid = e.Required("pmid");
            var sections = e.TryGetProperty("sections", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Array
                ? s.EnumerateArray().Select(x => new SourceSection(PubMed.SectionHeading(x.String("label")), x.String("text") ?? "")).ToList()
                : [];
            if (sections.All(x => string.IsNullOrWhiteSpace(x.Text)))
            {
                throw new InvalidSourceException($"abstract {pmid} has no text");
            }

            var mesh = e.Strings("meshes");
            return Document.Create(
                new DocumentKey(file.Collection, pmid),
                PubMed.TitleFromFirstSentence(sections.First(x => !string.IsNullOrWhiteSpace(x.Text)).Text, pmid),
                sections,
                source: "PubMed",
                url: PubMed.Url(pmid),
                year: e.Year("year"),
                // The corpus keeps MeSH headings but not publication types: the design headings tell observational
                // studies and trials from other papers.
                evidenceLevel: EvidenceLevels.FromPubMedIndexing(mesh),
                fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Mesh] = mesh },
                origin: origin);
        });
}
