namespace Evidentia.Core.Audit;

/// <summary>
/// One entry of the append-only audit trail. <see cref="Hash"/> covers every other field and the previous entry's
/// hash, so changing or removing any entry breaks the chain from there on.
/// </summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset Utc, string Actor, string Action, string Subject, string Details, string PreviousHash, string Hash);
