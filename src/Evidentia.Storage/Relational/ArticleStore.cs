using System.Data.Common;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;

namespace Evidentia.Storage.Relational;

/// <summary>The library of answered questions: articles, their versions, review status and cited documents.</summary>
public sealed class ArticleStore(Database database, TimeProvider clock) : IArticleStore
{
    // Selected from Current: an article with its current version.
    private const string Columns = "a.slug, a.status, a.created_utc, a.updated_utc, v.answer, a.version, a.status_reason, a.approved_by, a.approved_credentials, a.approved_utc";
    private const string Current = "articles a JOIN article_versions v ON v.id = a.id AND v.version = a.version";
    private const string ById = $"SELECT {Columns} FROM {Current} WHERE a.id = @p0";

    /// <inheritdoc />
    public Task<Article> SaveAsync(Answer answer, ArticleSnapshot snapshot, CancellationToken cancellationToken)
    {
        // Timings and the batch id say how this request went, not what the article is.
        var stored = answer with { QuestionId = null, TimingsMs = new Dictionary<string, double>() };
        var now = Times.Format(clock.GetUtcNow());
        return database.WriteAsync(async (connection, tx) =>
        {
            await using (var cmd = connection.Command(tx, """
                INSERT INTO articles (id, slug, question, audience, question_type, focus, outcome, status, version, created_utc, updated_utc)
                VALUES (@id, @slug, @question, @audience, @type, @focus, @outcome, @status, 1, @now, @now)
                ON CONFLICT (id) DO NOTHING
                """,
                ("@id", stored.Id), ("@slug", ArticleSlug.Create(stored.SearchedAs ?? stored.Question)), ("@question", stored.Question),
                ("@audience", stored.Audience.ToString()), ("@type", stored.QuestionType), ("@focus", stored.Focus),
                ("@outcome", stored.Outcome.ToString()), ("@status", nameof(ReviewStatus.Submitted)), ("@now", now)))
            {
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    await WriteVersionAsync(connection, tx, stored.Id, 1, stored, snapshot, "evidentia", null, now, cancellationToken);
                }
            }

            return (await ReadAsync(connection, tx, ById, [stored.Id], cancellationToken))[0];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync(ById, [id], cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> GetBySlugAsync(string slug, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM {Current} WHERE a.slug = @p0 ORDER BY a.updated_utc DESC", [slug], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var values = new List<object>();
        foreach (var word in (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            where.Add(database.Contains("lower(question)", $"@p{values.Count}"));
            values.Add(word.ToLowerInvariant());
        }

        if (query.QuestionType is { } type)
        {
            where.Add($"question_type = @p{values.Count}");
            values.Add(type);
        }

        if (query.Topic is { } topic)
        {
            where.Add($"lower(focus) = @p{values.Count}");
            values.Add(topic.ToLowerInvariant());
        }

        if (query.Status is { } status)
        {
            where.Add($"status = @p{values.Count}");
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
    public Task<IReadOnlyList<(string Kind, string Value, int Count)>> FacetsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string, string, int)>>(async connection =>
        {
            await using var cmd = connection.Command(null, """
                SELECT 'type' AS kind, question_type AS value, COUNT(DISTINCT slug) AS n FROM articles WHERE question_type IS NOT NULL GROUP BY question_type
                UNION ALL
                SELECT 'topic', lower(focus), COUNT(DISTINCT slug) FROM articles WHERE focus IS NOT NULL GROUP BY lower(focus)
                ORDER BY kind, n DESC, value
                """);
            var facets = new List<(string, string, int)>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                facets.Add((reader.GetString(0), reader.GetString(1), (int)reader.Integer(2)));
            }

            return facets;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ArticleVersion>>(async connection =>
        {
            await using var cmd = connection.Command(null, "SELECT version, answer, snapshot, author, note, created_utc FROM article_versions WHERE id = @id ORDER BY version", ("@id", id));
            var versions = new List<ArticleVersion>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(new ArticleVersion(
                    id, (int)reader.Integer(0), JsonSerializer.Deserialize<Answer>(reader.GetString(1), AnswerJson.Options)!,
                    JsonSerializer.Deserialize<ArticleSnapshot>(reader.GetString(2), AnswerJson.Options)!,
                    reader.GetString(3), reader.NullableString(4), Times.Parse(reader.GetString(5))));
            }

            return versions;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Article?> AddVersionAsync(
        string id, int expectedVersion, Answer answer, ArticleSnapshot snapshot, string author, string? note, ReviewStatus status, CancellationToken cancellationToken)
    {
        var now = Times.Format(clock.GetUtcNow());
        return database.WriteAsync<Article?>(async (connection, tx) =>
        {
            await using (var cmd = connection.Command(tx, """
                UPDATE articles SET version = version + 1, status = @status, status_reason = NULL, outcome = @outcome,
                    approved_by = NULL, approved_credentials = NULL, approved_utc = NULL, updated_utc = @now
                WHERE id = @id AND version = @expected
                """,
                ("@status", status.ToString()), ("@outcome", answer.Outcome.ToString()), ("@now", now), ("@id", id), ("@expected", expectedVersion)))
            {
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return null;
                }
            }

            await WriteVersionAsync(connection, tx, id, expectedVersion + 1, answer with { Id = id, TimingsMs = new Dictionary<string, double>() }, snapshot, author, note, now, cancellationToken);
            return (await ReadAsync(connection, tx, ById, [id], cancellationToken))[0];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Article?> SetStatusAsync(
        string id, ReviewStatus expected, int expectedVersion, ReviewStatus status, string? reason, Approval? approval, CancellationToken cancellationToken) =>
        database.WriteAsync<Article?>(async (connection, tx) =>
        {
            await using (var cmd = connection.Command(tx, """
                UPDATE articles SET status = @status, status_reason = @reason, approved_by = @by, approved_credentials = @credentials,
                    approved_utc = @approvedUtc, updated_utc = @now
                WHERE id = @id AND status = @expected AND version = @version
                """,
                ("@status", status.ToString()), ("@reason", reason), ("@by", approval?.Reviewer), ("@credentials", approval?.Credentials),
                ("@approvedUtc", approval is null ? null : Times.Format(approval.Utc)), ("@now", Times.Format(clock.GetUtcNow())),
                ("@id", id), ("@expected", expected.ToString()), ("@version", expectedVersion)))
            {
                if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return null;
                }
            }

            return (await ReadAsync(connection, tx, ById, [id], cancellationToken))[0];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<(string Id, ReviewStatus Status)>> StatusesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string, ReviewStatus)>>(async connection =>
        {
            await using var cmd = connection.Command(null, "SELECT id, status FROM articles ORDER BY id");
            var statuses = new List<(string, ReviewStatus)>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                statuses.Add((reader.GetString(0), Enum.Parse<ReviewStatus>(reader.GetString(1))));
            }

            return statuses;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<(string Id, int Version, IReadOnlyList<EvidenceUsed> Evidence)>> ApprovedEvidenceAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string, int, IReadOnlyList<EvidenceUsed>)>>(async connection =>
        {
            await using var cmd = connection.Command(null, """
                SELECT a.id, a.version, c.collection, c.document_id, c.content_hash
                FROM articles a JOIN article_citations c ON c.id = a.id
                WHERE a.status = 'Approved' ORDER BY a.id
                """);
            var approved = new List<(string Id, int Version, List<EvidenceUsed> Evidence)>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (approved.Count == 0 || approved[^1].Id != id)
                {
                    approved.Add((id, (int)reader.Integer(1), []));
                }

                approved[^1].Evidence.Add(new EvidenceUsed(reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }

            return approved.Select(a => (a.Id, a.Version, (IReadOnlyList<EvidenceUsed>)a.Evidence)).ToList();
        }, cancellationToken);

    // A version and the citations of the article's current version, in the caller's transaction.
    private static async Task WriteVersionAsync(
        DbConnection connection, DbTransaction tx, string id, int version, Answer answer, ArticleSnapshot snapshot, string author, string? note, string now,
        CancellationToken cancellationToken)
    {
        await using (var cmd = connection.Command(tx, """
            INSERT INTO article_versions (id, version, answer, snapshot, author, note, created_utc)
            VALUES (@id, @version, @answer, @snapshot, @author, @note, @now)
            """,
            ("@id", id), ("@version", version), ("@answer", JsonSerializer.Serialize(answer, AnswerJson.Options)),
            ("@snapshot", JsonSerializer.Serialize(snapshot, AnswerJson.Options)), ("@author", author), ("@note", note), ("@now", now)))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = connection.Command(tx, "DELETE FROM article_citations WHERE id = @id", ("@id", id)))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var cite = connection.Command(tx, "INSERT INTO article_citations (id, collection, document_id, content_hash) VALUES (@id, @c, @d, @h)", ("@id", id));
        var c = cite.Parameter("@c", "");
        var d = cite.Parameter("@d", "");
        var h = cite.Parameter("@h", "");
        var cited = answer.References.Select(r => (r.Collection, r.DocumentId)).ToHashSet();
        foreach (var evidence in snapshot.Evidence.Where(e => cited.Contains((e.Collection, e.Id))).DistinctBy(e => (e.Collection, e.Id)))
        {
            c.Value = evidence.Collection;
            d.Value = evidence.Id;
            h.Value = evidence.ContentHash;
            await cite.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private Task<IReadOnlyList<Article>> QueryAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadAsync(connection, null, sql, values, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<Article>> ReadAsync(DbConnection connection, DbTransaction? tx, string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await using var cmd = connection.Command(tx, sql, values.Select((v, i) => ($"@p{i}", (object?)v)).ToArray());
        var articles = new List<Article>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new Article(
                reader.GetString(0), Enum.Parse<ReviewStatus>(reader.GetString(1)), Times.Parse(reader.GetString(2)), Times.Parse(reader.GetString(3)),
                JsonSerializer.Deserialize<Answer>(reader.GetString(4), AnswerJson.Options)!)
            {
                Version = (int)reader.Integer(5),
                StatusReason = reader.NullableString(6),
                Approval = reader.NullableString(7) is { } by ? new Approval(by, reader.NullableString(8), Times.Parse(reader.GetString(9))) : null,
            });
        }

        return articles;
    }
}
