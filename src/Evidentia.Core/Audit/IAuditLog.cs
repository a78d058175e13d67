namespace Evidentia.Core.Audit;

/// <summary>The append-only audit trail (SQLite embedded, PostgreSQL scaled out).</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry chained to the last one; concurrent appends are serialised by the store.</summary>
    Task<AuditEntry> AppendAsync(string actor, string action, string subject, string details, CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken);
}
