using System.Data.Common;
using Evidentia.Storage.Relational;
using Npgsql;

namespace Evidentia.Storage.Postgres;

/// <summary>
/// The scale-out database: PostgreSQL through a pooled Npgsql data source, shared by every web node. Reads run
/// concurrently; writes are serialised across nodes by a transaction-scoped advisory lock, so the change feed's
/// sequence numbers and the audit chain follow commit order.
/// </summary>
public sealed class PostgresDatabase : Database
{
    // Any constant shared by every node: the key of the advisory lock that serialises writes.
    private const long WriteLock = 0x45766964_656E7402;

    private readonly NpgsqlDataSource _source;

    private PostgresDatabase(NpgsqlDataSource source) => _source = source;

    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <summary>Connects and brings the schema up to date.</summary>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresMigrations.ApplyAsync(source, cancellationToken);
            return new PostgresDatabase(source);
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }

    /// <inheritdoc />
    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriteLock})", connection, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = await write(connection, tx);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    /// <inheritdoc />
    public override string JsonArrayLength(string column) => $"json_array_length({column}::json)";

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
