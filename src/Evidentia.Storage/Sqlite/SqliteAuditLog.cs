using System.Globalization;
using Evidentia.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>
/// The audit trail in the embedded SQLite database: rows are only ever inserted (triggers refuse updates and
/// deletes), each chained to the previous by hash; the next entry is written in the same transaction that reads
/// the last one, so appends from this process are serialised.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private const string Columns = "seq, utc, actor, action, subject, details, previous_hash, hash";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _clock;

    private SqliteAuditLog(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public static async Task<SqliteAuditLog> OpenAsync(string databasePath, CancellationToken cancellationToken, TimeProvider? clock = null) =>
        new(await SqliteMigrations.OpenAsync(databasePath, cancellationToken), clock ?? TimeProvider.System);

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(string actor, string action, string subject, string details, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: another process appending at the same time waits (busy_timeout) instead of forking the chain.
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            long seq;
            string previous;
            await using (var last = _connection.CreateCommand())
            {
                last.Transaction = tx;
                last.CommandText = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
                await using var reader = await last.ExecuteReaderAsync(cancellationToken);
                (seq, previous) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0) + 1, reader.GetString(1)) : (1L, AuditChain.Genesis);
            }

            // Whole microseconds: what the text form keeps is what the hash covers.
            var utc = new DateTimeOffset(_clock.GetUtcNow().UtcTicks / 10 * 10, TimeSpan.Zero);
            var entry = new AuditEntry(seq, utc, actor, action, subject, details, previous, AuditChain.Hash(seq, utc, actor, action, subject, details, previous));
            await using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = $"INSERT INTO audit ({Columns}) VALUES ($seq, $utc, $actor, $action, $subject, $details, $previous, $hash)";
                insert.Parameters.AddWithValue("$seq", entry.Sequence);
                insert.Parameters.AddWithValue("$utc", entry.Utc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$actor", actor);
                insert.Parameters.AddWithValue("$action", action);
                insert.Parameters.AddWithValue("$subject", subject);
                insert.Parameters.AddWithValue("$details", details);
                insert.Parameters.AddWithValue("$previous", previous);
                insert.Parameters.AddWithValue("$hash", entry.Hash);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM audit ORDER BY seq", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT {Math.Clamp(count, 1, 1000)}", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAsync(string sql, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            var entries = new List<AuditEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }
}
