using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// MedQuAD (<c>medquad.jsonl.gz</c>): a question–answer pair a record. Answers with text become documents
/// titled by their focus; records whose answer was removed upstream become question-only entries that are
/// searchable as questions but never cited.
/// </summary>
public sealed class MedQuadReader : IDocumentReader
{
    public string Format => "medquad";

    public string DefaultCollection => "medquad";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken) =>
        JsonLines.Read(file, report, cancellationToken, (e, origin) =>
        {
            var id = e.Required("id");
            var question = e.Required("question");
            var focus = e.String("focus") is { Length: > 0 } f ? f : question;
            var answer = e.String("answer");
            var citable = !string.IsNullOrWhiteSpace(answer);

            var url = e.String("url");
            var fields = new Dictionary<string, IReadOnlyList<string>>
            {
                [DocumentFields.Question] = [question],
                [DocumentFields.Focus] = [focus],
                [DocumentFields.Synonyms] = e.Strings("synonyms"),
                [DocumentFields.QuestionType] = e.String("qtype") is { } qtype ? [qtype] : [],
            };
            return Document.Create(
                new DocumentKey(file.Collection, id),
                focus,
                citable ? [new SourceSection(question, answer!)] : [],
                source: e.String("source"),
                url: url,
                // Every MedQuAD site is an NIH (or CDC) consumer health site.
                evidenceLevel: EvidenceLevel.PatientInformation,
                citable: citable,
                fields: fields,
                origin: origin);
        });
}
