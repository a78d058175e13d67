namespace Evidentia.Ingestion;

/// <summary>Something in a source that could not be read: the file, the line (or page) when known, and what was wrong.</summary>
public sealed record IngestProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
