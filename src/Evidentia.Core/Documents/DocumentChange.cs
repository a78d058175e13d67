namespace Evidentia.Core.Documents;

/// <summary>One entry of the change feed: the document as of <paramref name="Sequence"/>.</summary>
public sealed record DocumentChange(long Sequence, Document Document);
