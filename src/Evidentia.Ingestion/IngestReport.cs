using Evidentia.Core.Documents;

namespace Evidentia.Ingestion;

/// <summary>What an ingest run did: files read, documents written, problems and skips with reasons.</summary>
public sealed class IngestReport
{
    private readonly List<IngestProblem> _problems = [];
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public int FilesRead { get; private set; }

    /// <summary>Documents the readers produced (question-only entries included).</summary>
    public int DocumentsRead { get; private set; }

    public int QuestionOnly { get; private set; }

    public long Passages { get; private set; }

    public StoreWriteResult Written { get; private set; } = StoreWriteResult.Empty;

    public IReadOnlyList<IngestProblem> Problems => _problems;

    /// <summary>Records or files left out on purpose, counted by reason ("mediqa answer text withheld: copyrighted-source").</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    public TimeSpan Elapsed { get; internal set; }

    public void Problem(string file, int? line, string message) => _problems.Add(new IngestProblem(file, line, message));

    public void Skip(string reason, int count = 1) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;

    internal void FileDone(IReadOnlyCollection<Document> documents, StoreWriteResult written)
    {
        FilesRead++;
        DocumentsRead += documents.Count;
        QuestionOnly += documents.Count(d => !d.Citable);
        Passages += documents.Sum(d => (long)d.Passages.Count);
        Written = Written.Plus(written);
    }
}
