namespace Evidentia.Ingestion;

/// <summary>
/// What one file may cost an ingest, so that no file, however made, takes memory without bound: past a limit the
/// line, the document or the file is reported as a problem of its file with the limit that stopped it.
/// </summary>
public static class IngestLimits
{
    /// <summary>Characters in one line of a JSON Lines file (one record); a longer line is skipped unread.</summary>
    public const int MaxLineChars = 4 * 1024 * 1024;

    /// <summary>Characters of text in one file read whole (HTML, Markdown, plain text); a longer file is not read.</summary>
    public const int MaxDocumentChars = 4 * 1024 * 1024;

    /// <summary>Bytes read from one file once decompressed (a .gz that expands beyond it is refused).</summary>
    public const long MaxDecompressedBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>Problems kept for one file; beyond them, the rest are counted in one more.</summary>
    public const int MaxProblemsPerFile = 100;
}
