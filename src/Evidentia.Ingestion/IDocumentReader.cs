using Evidentia.Core.Documents;

namespace Evidentia.Ingestion;

/// <summary>Turns one source file of a format into documents.</summary>
public interface IDocumentReader
{
    /// <summary>The name given to <c>--format</c> ("medquad", "pdf", …).</summary>
    string Format { get; }

    /// <summary>The collection documents go to when <c>--collection</c> is not given.</summary>
    string DefaultCollection { get; }

    /// <summary>
    /// Reads the file. Bad records of line-based formats are reported to <paramref name="report"/> and skipped;
    /// a file that cannot be used at all throws <see cref="InvalidSourceException"/>.
    /// </summary>
    IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken);
}
