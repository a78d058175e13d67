namespace Evidentia.Ingestion;

/// <summary>
/// Thrown by a reader when a whole file cannot be used (malformed XML or PDF, a missing required field
/// of a record). The ingestor reports it with the file and line and writes nothing of that file or record.
/// </summary>
public sealed class InvalidSourceException : Exception
{
    public InvalidSourceException(string message, int? line = null, Exception? inner = null)
        : base(message, inner) => Line = line;

    public InvalidSourceException()
    {
    }

    public InvalidSourceException(string message)
        : base(message)
    {
    }

    public InvalidSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The line (or page) of the file where the problem is, when known.</summary>
    public int? Line { get; }
}
