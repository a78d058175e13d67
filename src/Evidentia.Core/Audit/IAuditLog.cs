namespace Evidentia.Core.Audit;

/// <summary>The append-only audit trail (SQLite embedded, PostgreSQL scaled out).</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry chained to the last one; concurrent appends are serialised by the store.</summary>
    Task<AuditEntry> AppendAsync(string actor, string action, string subject, string details, CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The signed head of the trail (null when none was ever written).</summary>
    Task<AuditHead?> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>The problems of the trail's signed head against <paramref name="entries"/>, the whole trail (<see cref="AuditChain.VerifyHead"/>, with this log's key).</summary>
    Task<IReadOnlyList<string>> VerifyHeadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken);
}
