using System.Data;
using System.Text.Json;
using Evidentia.Core.Documents;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>
/// The embedded document store: one SQLite file in WAL mode. Each batch is one transaction, so a
/// process killed mid-write leaves the previous state. The store-wide sequence number lives in
/// <c>meta.last_seq</c> and is bumped inside the same transaction as the rows it numbers.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const string Columns = "collection, id, title, source, url, year, evidence, citable, text, sections, passages, fields, origin, hash, seq";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteDocumentStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="databasePath"/>.</summary>
    public static async Task<SqliteDocumentStore> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        return new SqliteDocumentStore(await SqliteMigrations.OpenAsync(databasePath, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> UpsertAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return StoreWriteResult.Empty;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            var lastSeq = await ReadLastSequenceAsync(tx, cancellationToken);

            await using var find = _connection.CreateCommand();
            find.Transaction = tx;
            find.CommandText = "SELECT hash FROM documents WHERE collection = $c AND id = $i";
            var findCollection = find.Parameters.Add("$c", SqliteType.Text);
            var findId = find.Parameters.Add("$i", SqliteType.Text);

            await using var write = _connection.CreateCommand();
            write.Transaction = tx;
            write.CommandText = $"INSERT OR REPLACE INTO documents ({Columns}) VALUES ($collection, $id, $title, $source, $url, $year, $evidence, $citable, $text, $sections, $passages, $fields, $origin, $hash, $seq)";
            foreach (var name in Columns.Split(", "))
            {
                write.Parameters.Add("$" + name, SqliteType.Text);
            }

            int added = 0, replaced = 0, unchanged = 0;
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                findCollection.Value = document.Collection;
                findId.Value = document.Id;
                var existing = (string?)await find.ExecuteScalarAsync(cancellationToken);
                if (existing == document.ContentHash)
                {
                    unchanged++;
                    continue;
                }

                if (existing is null)
                {
                    added++;
                }
                else
                {
                    replaced++;
                }

                Bind(write, document, ++lastSeq);
                await write.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var meta = _connection.CreateCommand())
            {
                meta.Transaction = tx;
                meta.CommandText = "UPDATE meta SET value = $v WHERE key = 'last_seq'";
                meta.Parameters.AddWithValue("$v", lastSeq);
                await meta.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return new StoreWriteResult(added, replaced, unchanged);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentChange>> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {Columns} FROM documents WHERE seq > $after ORDER BY seq LIMIT $limit";
            cmd.Parameters.AddWithValue("$after", afterSequence);
            cmd.Parameters.AddWithValue("$limit", limit);
            var changes = new List<DocumentChange>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new DocumentChange(reader.GetInt64(14), Read(reader)));
            }

            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadLastSequenceAsync(null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> GetAsync(IReadOnlyCollection<DocumentKey> keys, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {Columns} FROM documents WHERE collection = $c AND id = $i";
            var c = cmd.Parameters.Add("$c", SqliteType.Text);
            var i = cmd.Parameters.Add("$i", SqliteType.Text);
            var found = new List<Document>(keys.Count);
            foreach (var key in keys)
            {
                c.Value = key.Collection;
                i.Value = key.Id;
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(Read(reader));
                }
            }

            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> FindAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {Columns} FROM documents WHERE id = $i ORDER BY collection";
            cmd.Parameters.AddWithValue("$i", id);
            var found = new List<Document>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(Read(reader));
            }

            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT collection, SUM(citable), SUM(1 - citable), SUM(json_array_length(passages)) / 3
                FROM documents GROUP BY collection ORDER BY collection
                """;
            var stats = new List<CollectionStats>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stats.Add(new CollectionStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3)));
            }

            return stats;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<long> ReadLastSequenceAsync(SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'last_seq'";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Bind(SqliteCommand write, Document d, long seq)
    {
        var p = write.Parameters;
        p["$collection"].Value = d.Collection;
        p["$id"].Value = d.Id;
        p["$title"].Value = d.Title;
        p["$source"].Value = (object?)d.Source ?? DBNull.Value;
        p["$url"].Value = (object?)d.Url ?? DBNull.Value;
        p["$year"].Value = (object?)d.Year ?? DBNull.Value;
        p["$evidence"].Value = d.EvidenceLevel.ToString();
        p["$citable"].Value = d.Citable ? 1 : 0;
        p["$text"].Value = d.Text;
        p["$sections"].Value = JsonSerializer.Serialize(d.Sections.Select(s => new StoredSection(s.Heading, s.Span.Start, s.Span.End)), StorageJson.Default.IEnumerableStoredSection);
        p["$passages"].Value = JsonSerializer.Serialize(d.Passages.SelectMany(x => new[] { x.Span.Start, x.Span.End, x.Section }), StorageJson.Default.IEnumerableInt32);
        p["$fields"].Value = JsonSerializer.Serialize(d.Fields.ToDictionary(f => f.Key, f => f.Value.ToArray()), StorageJson.Default.DictionaryStringStringArray);
        p["$origin"].Value = (object?)d.Origin ?? DBNull.Value;
        p["$hash"].Value = d.ContentHash;
        p["$seq"].Value = seq;
    }

    private static Document Read(IDataRecord r)
    {
        var sections = JsonSerializer.Deserialize(r.GetString(9), StorageJson.Default.StoredSectionArray)!
            .Select(s => new DocumentSection(s.H, new TextSpan(s.S, s.E))).ToList();
        var flat = JsonSerializer.Deserialize(r.GetString(10), StorageJson.Default.Int32Array)!;
        var passages = new Passage[flat.Length / 3];
        for (var i = 0; i < passages.Length; i++)
        {
            passages[i] = new Passage(new TextSpan(flat[3 * i], flat[(3 * i) + 1]), flat[(3 * i) + 2]);
        }

        var fields = JsonSerializer.Deserialize(r.GetString(11), StorageJson.Default.DictionaryStringStringArray)!
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value);
        return Document.Restore(
            new DocumentKey(r.GetString(0), r.GetString(1)),
            r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetInt32(5),
            Enum.Parse<EvidenceLevel>(r.GetString(6)),
            r.GetInt32(7) == 1,
            r.GetString(8),
            sections,
            passages,
            fields,
            r.IsDBNull(12) ? null : r.GetString(12));
    }
}
