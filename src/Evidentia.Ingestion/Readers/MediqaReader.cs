using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// MEDIQA 2019 answers (<c>answers_corpus.jsonl.gz</c>): answers with text become documents; withheld
/// ones (copyrighted sources) are skipped and counted by reason.
/// </summary>
public sealed class MediqaReader : IDocumentReader
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
            // Answers start with the page's own question: "What are the treatments for X?: How might X be treated? …"
            var split = text.IndexOf("?:", StringComparison.Ordinal);
            var question = split is > 0 and < 200 ? text[..(split + 1)] : null;
            return Document.Create(
                new DocumentKey(file.Collection, id),
                question ?? host ?? id,
                [new SourceSection("", text)],
                source: host,
                url: url,
                evidenceLevel: EvidenceLevels.FromUrl(url),
                // The page's own question, as MedQuAD records carry theirs.
                fields: question is null ? null : new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Question] = [question] },
                origin: origin);
        });
}
