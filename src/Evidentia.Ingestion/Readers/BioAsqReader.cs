using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// BioASQ snippets (<c>snippets_corpus.jsonl.gz</c>): one document per PMID, one section per snippet
/// (its sentences are the passages). The title is the title snippet when there is one. Some snippets keep
/// PubMed's markup (<c>&lt;AbstractText Label=…&gt;</c> parts, <c>&lt;br&gt;</c>, <c>&lt;b&gt;</c>, entities): parts and
/// line breaks become paragraph breaks, other tags go, entities are decoded.
/// </summary>
public sealed partial class BioAsqReader : IDocumentReader
{
    public string Format => "bioasq";

    public string DefaultCollection => "bioasq";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var pmid = e.Required("pmid");
            var snippets = e.TryGetProperty("snippets", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray()
                    .Select(x => (Section: x.String("section") ?? "", Text: Unmarked(x.String("text") ?? "")))
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
                snippets.Select(x => new SourceSection(x.Section == "title" ? DocumentSection.TitleHeading : "Abstract", x.Text)),
                source: "PubMed",
                url: PubMed.Url(pmid),
                evidenceLevel: EvidenceLevel.Research,
                origin: origin);
        });

    private static string Unmarked(string text) =>
        text.Contains('<') || text.Contains('&') ? WebUtility.HtmlDecode(InlineTag().Replace(Break().Replace(text, "\n\n"), "")) : text;

    [GeneratedRegex(@"<br\s*/?>|</?AbstractText\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"</?(b|i|u|em|strong|sup|sub)>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();
}
