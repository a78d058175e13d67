namespace Evidentia.Ingestion;

/// <summary>Progress of an ingest run: the file being read and bytes read of all files.</summary>
public readonly record struct IngestProgress(string File, long BytesRead, long BytesTotal, int Documents);
