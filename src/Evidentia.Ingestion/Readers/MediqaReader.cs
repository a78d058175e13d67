using System.Text.RegularExpressions;
using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// MEDIQA 2019 answers (<c>answers_corpus.jsonl.gz</c>): answers with text become documents; withheld
/// ones (copyrighted sources) are skipped and counted by reason.
/// </summary>
public sealed partial class MediqaReader : IDocumentReader
{
    public string Format => "mediqa";

    public string DefaultCollection => "mediqa";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var id = e.Required("id");
            var text = e.String("text");
            if (string.IsNullOrWhiteSpace(text))
            {
                report.Skip($"mediqa answer text withheld: {e.String("text_withheld") ?? "no text"}");
                return null;
            }

            var url = e.String("url");
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
            // Answers open with their page's heading, a question or a topic: "What are the treatments for X?: How might
            // X be treated? …", "Asthma (How is asthma treated?): …", "Autoimmune hepatitis (Treatment): …". It is
            // the section's heading, as a MedQuAD record's question is, not a sentence of the answer.
            var label = Heading().Match(text);
            var heading = label.Success ? label.Groups[1].Value : null;
            return Document.Create(
                new DocumentKey(file.Collection, id),
                heading ?? host ?? id,
                [new SourceSection(heading ?? "", text[label.Length..])],
                source: host,
                url: url,
                evidenceLevel: EvidenceLevels.FromUrl(url),
                // The page's own question when its heading is one, as MedQuAD records carry theirs.
                fields: heading is null || !heading.Contains('?') ? null : new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Question] = [heading] },
                origin: origin);
        });

    // A question up to its "?:" or "?):", or a topic of up to 80 characters without a sentence end, then ": ".
    [GeneratedRegex(@"^([^\n]{1,198}?\?\)?|[^.?!:\n]{1,80}):\s+")]
    private static partial Regex Heading();
}
