namespace Evidentia.Core.Documents;

/// <summary>
/// One entry of the change feed: the document as of <paramref name="Sequence"/>, or, when <paramref name="Deleted"/>,
/// its last version before it was removed (a tombstone the index applies as a deletion).
/// </summary>
public sealed record DocumentChange(long Sequence, Document Document, bool Deleted = false);
