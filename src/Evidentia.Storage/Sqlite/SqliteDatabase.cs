using System.Data.Common;
using Evidentia.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>
/// The embedded database: one SQLite file in WAL mode and one connection shared by every store of the process,
/// used by one operation at a time. Writes begin IMMEDIATE transactions, so another process that writes to the
/// same file waits for this one (busy timeout) instead of interleaving.
/// </summary>
public sealed class SqliteDatabase : Database
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteDatabase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Name => "SQLite";

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="path"/>.</summary>
    public static async Task<SqliteDatabase> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteMigrations.OpenAsync(path, cancellationToken), path);

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await read(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE (not deferred) transactions: the write lock is taken at once.
            await using var tx = await _connection.BeginTransactionAsync(cancellationToken);
            var result = await write(_connection, tx);
            await tx.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    /// <inheritdoc />
    public override string JsonArrayLength(string column) => $"json_array_length({column})";

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
