using Evidentia.Core.Documents;

namespace Evidentia.Ingestion;

/// <summary>What an ingest run did: files read, documents written, problems and skips with reasons.</summary>
public sealed class IngestReport
{
    private readonly List<IngestProblem> _problems = [];
    // Problems per file, kept up to IngestLimits.MaxProblemsPerFile; the rest only counted.
    private readonly Dictionary<string, int> _perFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public int FilesRead { get; private set; }

    /// <summary>Documents the readers produced (question-only entries included).</summary>
    public int DocumentsRead { get; private set; }

    public int QuestionOnly { get; private set; }

    public long Passages { get; private set; }

    public StoreWriteResult Written { get; private set; } = StoreWriteResult.Empty;

    /// <summary>
    /// The problems, at most <see cref="IngestLimits.MaxProblemsPerFile"/> of a file, each file's further ones counted in
    /// one more at its end.
    /// </summary>
    public IReadOnlyList<IngestProblem> Problems =>
        _perFile.Any(f => f.Value > IngestLimits.MaxProblemsPerFile)
            ? [.. _problems, .. _perFile.Where(f => f.Value > IngestLimits.MaxProblemsPerFile)
                .Select(f => new IngestProblem(f.Key, null, $"… and {f.Value - IngestLimits.MaxProblemsPerFile:N0} more problems in this file (the first {IngestLimits.MaxProblemsPerFile} are listed)"))]
            : _problems;

    /// <summary>Every problem found, those only counted included.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Records or files left out on purpose, counted by reason ("mediqa answer text withheld: copyrighted-source").</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    public TimeSpan Elapsed { get; internal set; }

    public void Problem(string file, int? line, string message)
    {
        ProblemCount++;
        var count = _perFile[file] = _perFile.GetValueOrDefault(file) + 1;
        if (count <= IngestLimits.MaxProblemsPerFile)
        {
            _problems.Add(new IngestProblem(file, line, message));
        }
    }

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
