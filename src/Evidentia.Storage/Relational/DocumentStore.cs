using System.Data;
using System.Data.Common;
using System.Text.Json;
using Evidentia.Core.Documents;

namespace Evidentia.Storage.Relational;

/// <summary>
/// The document store, the system of record. Each batch is one transaction, so a process killed mid-write leaves
/// the previous state. The store-wide sequence number lives in <c>meta.last_seq</c> and is bumped inside the same
/// (serialised) transaction as the rows it numbers, so the change feed never shows a later number before an earlier one.
/// </summary>
public sealed class DocumentStore(Database database) : IDocumentStore
{
    private const string Columns = "collection, id, title, source, url, year, evidence, citable, text, sections, passages, fields, origin, hash, seq";

    /// <inheritdoc />
    public Task<StoreWriteResult> UpsertAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken) =>
        WriteAsync(null, documents, cancellationToken);

    /// <inheritdoc />
    public Task<StoreWriteResult> ReplaceSourceAsync(string sourceFile, IReadOnlyList<Document> documents, CancellationToken cancellationToken) =>
        WriteAsync(sourceFile, documents, cancellationToken);

    // Writes documents (recording their source file when known) and, for a source file, tombstones the documents it
    // had before and has no more; every change takes the next sequence number, in one serialised transaction.
    private async Task<StoreWriteResult> WriteAsync(string? sourceFile, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0 && sourceFile is null)
        {
            return StoreWriteResult.Empty;
        }

        return await database.WriteAsync(async (connection, tx) =>
        {
            var lastSeq = await ReadLastSequenceAsync(connection, tx, cancellationToken);
            await using var find = connection.Command(tx, "SELECT hash, deleted, source_file FROM documents WHERE collection = @c AND id = @i");
            var findCollection = find.Parameter("@c", "");
            var findId = find.Parameter("@i", "");

            var names = Columns.Split(", ");
            await using var write = connection.Command(tx, $"""
                INSERT INTO documents ({Columns}, source_file, deleted) VALUES ({string.Join(", ", names.Select(n => "@" + n))}, @source_file, 0)
                ON CONFLICT (collection, id) DO UPDATE SET {string.Join(", ", names.Skip(2).Select(n => $"{n} = excluded.{n}"))},
                    source_file = COALESCE(excluded.source_file, documents.source_file), deleted = 0
                """);
            foreach (var name in names)
            {
                write.Parameter("@" + name, null);
            }

            write.Parameter("@source_file", sourceFile);
            await using var move = connection.Command(tx, "UPDATE documents SET source_file = @f WHERE collection = @c AND id = @i", ("@f", sourceFile));
            var moveCollection = move.Parameter("@c", "");
            var moveId = move.Parameter("@i", "");

            int added = 0, replaced = 0, unchanged = 0;
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                findCollection.Value = document.Collection;
                findId.Value = document.Id;
                string? existing = null;
                var deleted = false;
                string? storedSource = null;
                await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
                {
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        (existing, deleted, storedSource) = (reader.GetString(0), reader.Integer(1) == 1, reader.NullableString(2));
                    }
                }

                if (existing == document.ContentHash && !deleted)
                {
                    unchanged++;
                    if (sourceFile is not null && storedSource != sourceFile)
                    {
                        // The same document now comes from another file: that file owns it from now on.
                        (moveCollection.Value, moveId.Value) = (document.Collection, document.Id);
                        await move.ExecuteNonQueryAsync(cancellationToken);
                    }

                    continue;
                }

                if (existing is null || deleted)
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

            var removed = 0;
            if (sourceFile is not null)
            {
                var present = documents.Select(d => (d.Collection, d.Id)).ToHashSet();
                var gone = new List<(string Collection, string Id)>();
                await using (var had = connection.Command(tx, "SELECT collection, id FROM documents WHERE source_file = @f AND deleted = 0", ("@f", sourceFile)))
                await using (var reader = await had.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var key = (reader.GetString(0), reader.GetString(1));
                        if (!present.Contains(key))
                        {
                            gone.Add(key);
                        }
                    }
                }

                await using var tombstone = connection.Command(tx, "UPDATE documents SET deleted = 1, seq = @seq WHERE collection = @c AND id = @i");
                var seq = tombstone.Parameter("@seq", 0L);
                var c = tombstone.Parameter("@c", "");
                var i = tombstone.Parameter("@i", "");
                foreach (var (collection, id) in gone)
                {
                    (seq.Value, c.Value, i.Value) = (++lastSeq, collection, id);
                    await tombstone.ExecuteNonQueryAsync(cancellationToken);
                }

                removed = gone.Count;
            }

            await using (var meta = connection.Command(tx, "UPDATE meta SET value = @v WHERE key = 'last_seq'", ("@v", lastSeq.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                await meta.ExecuteNonQueryAsync(cancellationToken);
            }

            return new StoreWriteResult(added, replaced, unchanged, removed);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentChange>> GetChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DocumentChange>>(async connection =>
        {
            await using var cmd = connection.Command(null, $"SELECT {Columns}, deleted FROM documents WHERE seq > @after ORDER BY seq LIMIT @limit", ("@after", afterSequence), ("@limit", limit));
            var changes = new List<DocumentChange>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new DocumentChange(reader.Integer(14), Read(reader), reader.Integer(15) == 1));
            }

            return changes;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadLastSequenceAsync(connection, null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> GetAsync(IReadOnlyCollection<DocumentKey> keys, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Document>>(async connection =>
        {
            await using var cmd = connection.Command(null, $"SELECT {Columns} FROM documents WHERE collection = @c AND id = @i AND deleted = 0");
            var c = cmd.Parameter("@c", "");
            var i = cmd.Parameter("@i", "");
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
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Document>>(async connection =>
        {
            await using var cmd = connection.Command(null, $"SELECT {Columns} FROM documents WHERE id = @i AND deleted = 0 ORDER BY collection", ("@i", id));
            var found = new List<Document>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(Read(reader));
            }

            return found;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionStats>> GetStatsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CollectionStats>>(async connection =>
        {
            await using var cmd = connection.Command(null, $"""
                SELECT collection, SUM(citable), SUM(1 - citable), SUM({database.JsonArrayLength("passages")}) / 3
                FROM documents WHERE deleted = 0 GROUP BY collection ORDER BY collection
                """);
            var stats = new List<CollectionStats>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stats.Add(new CollectionStats(reader.GetString(0), (int)reader.Integer(1), (int)reader.Integer(2), reader.Integer(3)));
            }

            return stats;
        }, cancellationToken);

    private static async Task<long> ReadLastSequenceAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = connection.Command(tx, "SELECT value FROM meta WHERE key = 'last_seq'");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Bind(DbCommand write, Document d, long seq)
    {
        var p = write.Parameters;
        p["@collection"].Value = d.Collection;
        p["@id"].Value = d.Id;
        p["@title"].Value = d.Title;
        p["@source"].Value = (object?)d.Source ?? DBNull.Value;
        p["@url"].Value = (object?)d.Url ?? DBNull.Value;
        p["@year"].Value = (object?)d.Year ?? DBNull.Value;
        p["@evidence"].Value = d.EvidenceLevel.ToString();
        p["@citable"].Value = d.Citable ? 1 : 0;
        p["@text"].Value = d.Text;
        p["@sections"].Value = JsonSerializer.Serialize(d.Sections.Select(s => new StoredSection(s.Heading, s.Span.Start, s.Span.End)), StorageJson.Default.IEnumerableStoredSection);
        p["@passages"].Value = JsonSerializer.Serialize(d.Passages.SelectMany(x => new[] { x.Span.Start, x.Span.End, x.Section }), StorageJson.Default.IEnumerableInt32);
        p["@fields"].Value = JsonSerializer.Serialize(d.Fields.ToDictionary(f => f.Key, f => f.Value.ToArray()), StorageJson.Default.DictionaryStringStringArray);
        p["@origin"].Value = (object?)d.Origin ?? DBNull.Value;
        p["@hash"].Value = d.ContentHash;
        p["@seq"].Value = seq;
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
            r.IsDBNull(5) ? null : (int)Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
            Enum.Parse<EvidenceLevel>(r.GetString(6)),
            Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture) == 1,
            r.GetString(8),
            sections,
            passages,
            fields,
            r.IsDBNull(12) ? null : r.GetString(12));
    }
}
