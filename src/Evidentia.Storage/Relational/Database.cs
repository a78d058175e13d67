using System.Data.Common;

namespace Evidentia.Storage.Relational;

/// <summary>
/// One database behind every store (documents, conversations, articles, accounts, audit): the embedded SQLite
/// file or a PostgreSQL server. Stores are written once against it; what differs between the two is here and in
/// each backend's migrations.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    /// <summary>A short name for messages ("SQLite", "PostgreSQL").</summary>
    public abstract string Name { get; }

    /// <summary>Runs a read on a connection.</summary>
    public abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a write in a transaction that is serialised with every other write to the database (across processes
    /// and nodes), so sequence numbers and the audit chain are assigned in commit order. Commits when
    /// <paramref name="write"/> returns, rolls back when it throws.
    /// </summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken);

    /// <summary>A condition that <paramref name="column"/> contains the text of <paramref name="parameter"/>.</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>The number of elements of the JSON array text in <paramref name="column"/>.</summary>
    public abstract string JsonArrayLength(string column);

    public abstract ValueTask DisposeAsync();
}
