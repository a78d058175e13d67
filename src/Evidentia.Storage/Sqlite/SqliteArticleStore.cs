using System.Globalization;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>The library of answered questions in the embedded SQLite database (its own connection to the same file).</summary>
public sealed class SqliteArticleStore : IArticleStore, IAsyncDisposable
{
    // Selected from "articles a JOIN article_versions v ON v.id = a.id AND v.version = a.version".
    private const string Columns = "a.slug, a.status, a.created_utc, a.updated_utc, v.answer, a.version, a.status_reason, a.approved_by, a.approved_credentials, a.approved_utc";
    private const string Current = "articles a JOIN article_versions v ON v.id = a.id AND v.version = a.version";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _clock;

    private SqliteArticleStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public static async Task<SqliteArticleStore> OpenAsync(string databasePath, CancellationToken cancellationToken, TimeProvider? clock = null) =>
        new(await SqliteMigrations.OpenAsync(databasePath, cancellationToken), clock ?? TimeProvider.System);

    /// <inheritdoc />
    public async Task<Article> SaveAsync(Answer answer, ArticleSnapshot snapshot, CancellationToken cancellationToken)
    {
        // Timings and the batch id say how this request went, not what the article is.
        var stored = answer with { QuestionId = null, TimingsMs = new Dictionary<string, double>() };
        var now = Format(_clock.GetUtcNow());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using (var cmd = Command(tx, """
                INSERT INTO articles (id, slug, question, audience, question_type, focus, outcome, status, version, created_utc, updated_utc)
                VALUES ($id, $slug, $question, $audience, $type, $focus, $outcome, $status, 1, $now, $now)
                ON CONFLICT (id) DO NOTHING
                """))
            {
                cmd.Parameters.AddWithValue("$id", stored.Id);
                cmd.Parameters.AddWithValue("$slug", ArticleSlug.Create(stored.SearchedAs ?? stored.Question));
                cmd.Parameters.AddWithValue("$question", stored.Question);
                cmd.Parameters.AddWithValue("$audience", stored.Audience.ToString());
                cmd.Parameters.AddWithValue("$type", (object?)stored.QuestionType ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$focus", (object?)stored.Focus ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$outcome", stored.Outcome.ToString());
                cmd.Parameters.AddWithValue("$status", nameof(ReviewStatus.Submitted));
                cmd.Parameters.AddWithValue("$now", now);
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    await WriteVersionAsync(tx, stored.Id, 1, stored, snapshot, "evidentia", null, now, cancellationToken);
                }
            }

            var article = (await ReadAsync(tx, $"SELECT {Columns} FROM {Current} WHERE a.id = $p0", [stored.Id], cancellationToken))[0];
            await tx.CommitAsync(cancellationToken);
            return article;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM {Current} WHERE a.id = $p0", [id], cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> GetBySlugAsync(string slug, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM {Current} WHERE a.slug = $p0 ORDER BY a.updated_utc DESC", [slug], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var values = new List<object>();
        foreach (var word in (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            where.Add($"instr(lower(question), $p{values.Count}) > 0");
            values.Add(word.ToLowerInvariant());
        }

        if (query.QuestionType is { } type)
        {
            where.Add($"question_type = $p{values.Count}");
            values.Add(type);
        }

        if (query.Topic is { } topic)
        {
            where.Add($"lower(focus) = $p{values.Count}");
            values.Add(topic.ToLowerInvariant());
        }

        if (query.Status is { } status)
        {
            where.Add($"status = $p{values.Count}");
            values.Add(status.ToString());
        }

        // One row per question (the most recently updated variant of each slug) unless every variant is asked for;
        // answers are read for the rows returned only.
        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        var partition = query.Variants ? "id" : "slug";
        var order = query.OldestFirst ? "ASC" : "DESC";
        var sql = $"""
            WITH latest AS (
                SELECT id, row_number() OVER (PARTITION BY {partition} ORDER BY updated_utc DESC, id) AS r FROM articles {filter})
            SELECT {Columns} FROM latest JOIN articles a ON a.id = latest.id JOIN article_versions v ON v.id = a.id AND v.version = a.version
            WHERE latest.r = 1 ORDER BY a.updated_utc {order}, a.id LIMIT {Math.Clamp(query.Limit, 1, 500)}
            """;
        return QueryAsync(sql, values, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Kind, string Value, int Count)>> FacetsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Command(null, """
                SELECT 'type', question_type, COUNT(DISTINCT slug) FROM articles WHERE question_type IS NOT NULL GROUP BY question_type
                UNION ALL
                SELECT 'topic', lower(focus), COUNT(DISTINCT slug) FROM articles WHERE focus IS NOT NULL GROUP BY lower(focus)
                ORDER BY 1, 3 DESC, 2
                """);
            var facets = new List<(string, string, int)>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                facets.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            return facets;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Command(null, "SELECT version, answer, snapshot, author, note, created_utc FROM article_versions WHERE id = $id ORDER BY version");
            cmd.Parameters.AddWithValue("$id", id);
            var versions = new List<ArticleVersion>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(new ArticleVersion(
                    id, reader.GetInt32(0), JsonSerializer.Deserialize<Answer>(reader.GetString(1), AnswerJson.Options)!,
                    JsonSerializer.Deserialize<ArticleSnapshot>(reader.GetString(2), AnswerJson.Options)!,
                    reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), Parse(reader.GetString(5))));
            }

            return versions;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<Article?> AddVersionAsync(
        string id, int expectedVersion, Answer answer, ArticleSnapshot snapshot, string author, string? note, ReviewStatus status, CancellationToken cancellationToken)
    {
        var now = Format(_clock.GetUtcNow());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using (var cmd = Command(tx, """
                UPDATE articles SET version = version + 1, status = $status, status_reason = NULL, outcome = $outcome,
                    approved_by = NULL, approved_credentials = NULL, approved_utc = NULL, updated_utc = $now
                WHERE id = $id AND version = $expected
                """))
            {
                cmd.Parameters.AddWithValue("$status", status.ToString());
                cmd.Parameters.AddWithValue("$outcome", answer.Outcome.ToString());
                cmd.Parameters.AddWithValue("$now", now);
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$expected", expectedVersion);
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return null;
                }
            }

            await WriteVersionAsync(tx, id, expectedVersion + 1, answer with { Id = id, TimingsMs = new Dictionary<string, double>() }, snapshot, author, note, now, cancellationToken);
            var article = (await ReadAsync(tx, $"SELECT {Columns} FROM {Current} WHERE a.id = $p0", [id], cancellationToken))[0];
            await tx.CommitAsync(cancellationToken);
            return article;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<Article?> SetStatusAsync(
        string id, ReviewStatus expected, int expectedVersion, ReviewStatus status, string? reason, Approval? approval, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using (var cmd = Command(tx, """
                UPDATE articles SET status = $status, status_reason = $reason, approved_by = $by, approved_credentials = $credentials,
                    approved_utc = $approvedUtc, updated_utc = $now
                WHERE id = $id AND status = $expected AND version = $version
                """))
            {
                cmd.Parameters.AddWithValue("$status", status.ToString());
                cmd.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$by", (object?)approval?.Reviewer ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$credentials", (object?)approval?.Credentials ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$approvedUtc", approval is null ? DBNull.Value : Format(approval.Utc));
                cmd.Parameters.AddWithValue("$now", Format(_clock.GetUtcNow()));
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$expected", expected.ToString());
                cmd.Parameters.AddWithValue("$version", expectedVersion);
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return null;
                }
            }

            var article = (await ReadAsync(tx, $"SELECT {Columns} FROM {Current} WHERE a.id = $p0", [id], cancellationToken))[0];
            await tx.CommitAsync(cancellationToken);
            return article;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Id, int Version, IReadOnlyList<EvidenceUsed> Evidence)>> ApprovedEvidenceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Command(null, """
                SELECT a.id, a.version, c.collection, c.document_id, c.content_hash
                FROM articles a JOIN article_citations c ON c.id = a.id
                WHERE a.status = 'Approved' ORDER BY a.id
                """);
            var approved = new List<(string, int, IReadOnlyList<EvidenceUsed>)>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (approved.Count == 0 || approved[^1].Item1 != id)
                {
                    approved.Add((id, reader.GetInt32(1), new List<EvidenceUsed>()));
                }

                ((List<EvidenceUsed>)approved[^1].Item3).Add(new EvidenceUsed(reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }

            return approved;
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

    // A version and the citations of the article's current version, in the caller's transaction.
    private async Task WriteVersionAsync(
        SqliteTransaction tx, string id, int version, Answer answer, ArticleSnapshot snapshot, string author, string? note, string now, CancellationToken cancellationToken)
    {
        await using (var cmd = Command(tx, """
            INSERT INTO article_versions (id, version, answer, snapshot, author, note, created_utc)
            VALUES ($id, $version, $answer, $snapshot, $author, $note, $now)
            """))
        {
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$version", version);
            cmd.Parameters.AddWithValue("$answer", JsonSerializer.Serialize(answer, AnswerJson.Options));
            cmd.Parameters.AddWithValue("$snapshot", JsonSerializer.Serialize(snapshot, AnswerJson.Options));
            cmd.Parameters.AddWithValue("$author", author);
            cmd.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$now", now);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = Command(tx, "DELETE FROM article_citations WHERE id = $id"))
        {
            clear.Parameters.AddWithValue("$id", id);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var cite = Command(tx, "INSERT OR REPLACE INTO article_citations (id, collection, document_id, content_hash) VALUES ($id, $c, $d, $h)");
        cite.Parameters.AddWithValue("$id", id);
        var c = cite.Parameters.Add("$c", SqliteType.Text);
        var d = cite.Parameters.Add("$d", SqliteType.Text);
        var h = cite.Parameters.Add("$h", SqliteType.Text);
        var cited = answer.References.Select(r => (r.Collection, r.DocumentId)).ToHashSet();
        foreach (var evidence in snapshot.Evidence.Where(e => cited.Contains((e.Collection, e.Id))))
        {
            c.Value = evidence.Collection;
            d.Value = evidence.Id;
            h.Value = evidence.ContentHash;
            await cite.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private async Task<IReadOnlyList<Article>> QueryAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(null, sql, values, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<Article>> ReadAsync(SqliteTransaction? tx, string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await using var cmd = Command(tx, sql);
        for (var i = 0; i < values.Count; i++)
        {
            cmd.Parameters.AddWithValue("$p" + i, values[i]);
        }

        var articles = new List<Article>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new Article(
                reader.GetString(0), Enum.Parse<ReviewStatus>(reader.GetString(1)), Parse(reader.GetString(2)), Parse(reader.GetString(3)),
                JsonSerializer.Deserialize<Answer>(reader.GetString(4), AnswerJson.Options)!)
            {
                Version = reader.GetInt32(5),
                StatusReason = reader.IsDBNull(6) ? null : reader.GetString(6),
                Approval = reader.IsDBNull(7) ? null : new Approval(reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), Parse(reader.GetString(9))),
            });
        }

        return articles;
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    // Sortable UTC text: updated_utc is ordered as a string.
    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
