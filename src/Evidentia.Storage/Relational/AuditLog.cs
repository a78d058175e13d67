using System.Data.Common;
using Evidentia.Core.Audit;

namespace Evidentia.Storage.Relational;

/// <summary>
/// The audit trail: rows are only ever inserted (the schema refuses updates and deletes), each chained to the
/// previous by hash; an entry is written in the same serialised transaction that reads the last one, so appends
/// from any process or node never fork the chain. The same transaction signs the new head with
/// <paramref name="key"/> (<see cref="AuditHead"/>, kept in <c>meta</c>), unless the head found does not cover the
/// trail as it is: then the tampering stays visible to <c>audit verify</c> instead of being signed over.
/// </summary>
public sealed class AuditLog(Database database, TimeProvider clock, byte[] key) : IAuditLog
{
    private const string Columns = "seq, utc, actor, action, subject, details, previous_hash, hash";
    private const string HeadKey = "audit_head";

    /// <inheritdoc />
    public Task<AuditEntry> AppendAsync(string actor, string action, string subject, string details, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            long seq;
            string previous;
            await using (var last = connection.Command(tx, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
            await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
            {
                (seq, previous) = await reader.ReadAsync(cancellationToken) ? (reader.Integer(0) + 1, reader.GetString(1)) : (1L, AuditChain.Genesis);
            }

            // Whole microseconds: what the text form keeps is what the hash covers.
            var utc = new DateTimeOffset(clock.GetUtcNow().UtcTicks / 10 * 10, TimeSpan.Zero);
            var entry = new AuditEntry(seq, utc, actor, action, subject, details, previous, AuditChain.Hash(seq, utc, actor, action, subject, details, previous));
            await using var insert = connection.Command(tx, $"INSERT INTO audit ({Columns}) VALUES (@seq, @utc, @actor, @action, @subject, @details, @previous, @hash)",
                ("@seq", seq), ("@utc", Times.Format(utc)), ("@actor", actor), ("@action", action), ("@subject", subject), ("@details", details),
                ("@previous", previous), ("@hash", entry.Hash));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            // A trail kept before heads were (no head yet) is signed as it is found.
            var head = await ReadHeadAsync(connection, tx, cancellationToken);
            if (head is null || head.Covers(key, seq - 1, previous))
            {
                await using var sign = connection.Command(tx, "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ("@key", HeadKey), ("@value", AuditHead.Sign(key, seq, entry.Hash).ToString()));
                await sign.ExecuteNonQueryAsync(cancellationToken);
            }

            return entry;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<AuditHead?> ReadHeadAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadHeadAsync(connection, null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> VerifyHeadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        AuditChain.VerifyHead(entries, await ReadHeadAsync(cancellationToken), key);

    private static async Task<AuditHead?> ReadHeadAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var read = connection.Command(tx, "SELECT value FROM meta WHERE key = @key", ("@key", HeadKey));
        return AuditHead.Parse(await read.ExecuteScalarAsync(cancellationToken) as string);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM audit ORDER BY seq", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT {Math.Clamp(count, 1, 1000)}", cancellationToken);

    private Task<IReadOnlyList<AuditEntry>> ReadAsync(string sql, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AuditEntry>>(async connection =>
        {
            await using var cmd = connection.Command(null, sql);
            var entries = new List<AuditEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(Read(reader));
            }

            return entries;
        }, cancellationToken);

    private static AuditEntry Read(DbDataReader r) =>
        new(r.Integer(0), Times.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));
}
