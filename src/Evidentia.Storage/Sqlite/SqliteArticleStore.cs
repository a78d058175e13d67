using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>The library of answered questions in the embedded SQLite database (its own connection to the same file).</summary>
public sealed class SqliteArticleStore : IArticleStore, IAsyncDisposable
{
    // Selected from "articles a JOIN article_answers c USING (id)".
    private const string Columns = "a.slug, a.status, a.created_utc, a.updated_utc, c.answer";

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
    public async Task<Article> SaveAsync(Answer answer, CancellationToken cancellationToken)
    {
        // Timings and the batch id say how this request went, not what the article is.
        var stored = answer with { QuestionId = null, TimingsMs = new Dictionary<string, double>() };
        var hash = ContentHash(stored);
        var now = Format(_clock.GetUtcNow());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using (var cmd = _connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = """
                    INSERT INTO articles (id, slug, question, audience, question_type, focus, outcome, status, content_hash, created_utc, updated_utc)
                    VALUES ($id, $slug, $question, $audience, $type, $focus, $outcome, $status, $hash, $now, $now)
                    ON CONFLICT (id) DO UPDATE SET
                        outcome = excluded.outcome, content_hash = excluded.content_hash,
                        updated_utc = CASE WHEN content_hash = excluded.content_hash THEN updated_utc ELSE excluded.updated_utc END;
                    INSERT INTO article_answers (id, answer) VALUES ($id, $answer)
                    ON CONFLICT (id) DO UPDATE SET answer = excluded.answer;
                    """;
                cmd.Parameters.AddWithValue("$id", stored.Id);
                cmd.Parameters.AddWithValue("$slug", ArticleSlug.Create(stored.SearchedAs ?? stored.Question));
                cmd.Parameters.AddWithValue("$question", stored.Question);
                cmd.Parameters.AddWithValue("$audience", stored.Audience.ToString());
                cmd.Parameters.AddWithValue("$type", (object?)stored.QuestionType ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$focus", (object?)stored.Focus ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$outcome", stored.Outcome.ToString());
                cmd.Parameters.AddWithValue("$status", nameof(ReviewStatus.Submitted));
                cmd.Parameters.AddWithValue("$hash", hash);
                cmd.Parameters.AddWithValue("$answer", JsonSerializer.Serialize(stored, AnswerJson.Options));
                cmd.Parameters.AddWithValue("$now", now);
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }

            Article article;
            await using (var read = _connection.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandText = $"SELECT {Columns} FROM articles a JOIN article_answers c USING (id) WHERE a.id = $id";
                read.Parameters.AddWithValue("$id", stored.Id);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                article = Read(reader);
            }

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
        (await QueryAsync($"SELECT {Columns} FROM articles a JOIN article_answers c USING (id) WHERE a.id = $p0", [id], cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> GetBySlugAsync(string slug, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM articles a JOIN article_answers c USING (id) WHERE a.slug = $p0 ORDER BY a.updated_utc DESC", [slug], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Article>> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var values = new List<object>();
        foreach (var word in (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            where.Add($"instr(lower(question), ${"p" + values.Count}) > 0");
            values.Add(word.ToLowerInvariant());
        }

        if (query.QuestionType is { } type)
        {
            where.Add($"question_type = ${"p" + values.Count}");
            values.Add(type);
        }

        if (query.Topic is { } topic)
        {
            where.Add($"lower(focus) = ${"p" + values.Count}");
            values.Add(topic.ToLowerInvariant());
        }

        if (query.Status is { } status)
        {
            where.Add($"status = ${"p" + values.Count}");
            values.Add(status.ToString());
        }

        // One row per question: the most recently updated variant of each slug; answers read for the page only.
        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        var sql = $"""
            WITH latest AS (
                SELECT id, row_number() OVER (PARTITION BY slug ORDER BY updated_utc DESC, id) AS r FROM articles {filter})
            SELECT {Columns} FROM latest JOIN articles a USING (id) JOIN article_answers c USING (id)
            WHERE latest.r = 1 ORDER BY a.updated_utc DESC, a.id LIMIT {Math.Clamp(query.Limit, 1, 500)}
            """;
        return QueryAsync(sql, values, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> SetStatusAsync(string slug, ReviewStatus status, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "UPDATE articles SET status = $status, updated_utc = $now WHERE slug = $slug";
            cmd.Parameters.AddWithValue("$status", status.ToString());
            cmd.Parameters.AddWithValue("$now", Format(_clock.GetUtcNow()));
            cmd.Parameters.AddWithValue("$slug", slug);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Kind, string Value, int Count)>> FacetsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT 'type', question_type, COUNT(DISTINCT slug) FROM articles WHERE question_type IS NOT NULL GROUP BY question_type
                UNION ALL
                SELECT 'topic', lower(focus), COUNT(DISTINCT slug) FROM articles WHERE focus IS NOT NULL GROUP BY lower(focus)
                ORDER BY 1, 3 DESC, 2
                """;
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

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<Article>> QueryAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            for (var i = 0; i < values.Count; i++)
            {
                cmd.Parameters.AddWithValue("$p" + i, values[i]);
            }

            var articles = new List<Article>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                articles.Add(Read(reader));
            }

            return articles;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Article Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        Enum.Parse<ReviewStatus>(reader.GetString(1)),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<Answer>(reader.GetString(4), AnswerJson.Options)!);

    private static string ContentHash(Answer answer) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { answer.Outcome, answer.BottomLine, answer.Sections, answer.References }, AnswerJson.Options))));

    // Sortable UTC text: updated_utc is ordered as a string.
    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
