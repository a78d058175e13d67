using Npgsql;

namespace Evidentia.Storage.Postgres;

/// <summary>
/// Versioned schema migrations of the PostgreSQL store, tracked in <c>schema_version</c>. Each step runs in its own
/// transaction under an advisory lock, so nodes starting together migrate once. The schema is the SQLite one in
/// PostgreSQL's words; a migration is never edited once released, only followed by a new one.
/// </summary>
internal static class PostgresMigrations
{
    // Any constant shared by every node: the key of the advisory lock that serialises migrations.
    private const long MigrationLock = 0x45766964_656E7401;

    private static readonly string[] Steps =
    [
        // 1: documents and the sequence counter of the change feed.
        """
        CREATE TABLE documents (
            collection text NOT NULL,
            id         text NOT NULL,
            title      text NOT NULL,
            source     text,
            url        text,
            year       integer,
            evidence   text NOT NULL,
            citable    integer NOT NULL,
            text       text NOT NULL,
            sections   text NOT NULL,
            passages   text NOT NULL,
            fields     text NOT NULL,
            origin     text,
            hash       text NOT NULL,
            seq        bigint NOT NULL,
            PRIMARY KEY (collection, id)
        );
        CREATE UNIQUE INDEX documents_seq ON documents (seq);
        CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
        INSERT INTO meta (key, value) VALUES ('last_seq', '0');
        """,

        // 2: conversations.
        """
        CREATE TABLE conversation_turns (
            conversation_id text NOT NULL,
            turn            integer NOT NULL,
            question        text NOT NULL,
            searched_as     text NOT NULL,
            type            text NOT NULL,
            focus           text,
            answer_id       text NOT NULL,
            created_utc     text NOT NULL,
            PRIMARY KEY (conversation_id, turn)
        );
        """,

        // 3: the library of answered questions, its versions and cited documents.
        """
        CREATE TABLE articles (
            id            text PRIMARY KEY,
            slug          text NOT NULL,
            question      text NOT NULL,
            audience      text NOT NULL,
            question_type text,
            focus         text,
            outcome       text NOT NULL,
            status        text NOT NULL,
            status_reason text,
            version       integer NOT NULL,
            approved_by   text,
            approved_credentials text,
            approved_utc  text,
            created_utc   text NOT NULL,
            updated_utc   text NOT NULL
        );
        CREATE INDEX articles_slug ON articles (slug, updated_utc);
        CREATE INDEX articles_updated ON articles (updated_utc);
        CREATE INDEX articles_focus ON articles (lower(focus));
        CREATE INDEX articles_status ON articles (status, updated_utc);
        CREATE TABLE article_versions (
            id          text NOT NULL REFERENCES articles (id),
            version     integer NOT NULL,
            answer      text NOT NULL,
            snapshot    text NOT NULL,
            author      text NOT NULL,
            note        text,
            created_utc text NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE article_citations (
            id           text NOT NULL REFERENCES articles (id),
            collection   text NOT NULL,
            document_id  text NOT NULL,
            content_hash text NOT NULL,
            PRIMARY KEY (id, collection, document_id)
        );
        CREATE INDEX documents_id ON documents (id);
        """,

        // 4: accounts and the append-only audit trail.
        """
        CREATE TABLE users (
            name          text PRIMARY KEY,
            display_name  text NOT NULL,
            credentials   text,
            role          text NOT NULL,
            password_hash text NOT NULL,
            failed_logins integer NOT NULL DEFAULT 0,
            locked_until  text,
            created_utc   text NOT NULL
        );
        CREATE UNIQUE INDEX users_name ON users (lower(name));
        CREATE TABLE audit (
            seq           bigint PRIMARY KEY,
            utc           text NOT NULL,
            actor         text NOT NULL,
            action        text NOT NULL,
            subject       text NOT NULL,
            details       text NOT NULL,
            previous_hash text NOT NULL,
            hash          text NOT NULL
        );
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
        CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        """,

        // 5: where each document was read from, and tombstones (see the SQLite step 5).
        """
        ALTER TABLE documents ADD COLUMN source_file text;
        ALTER TABLE documents ADD COLUMN deleted integer NOT NULL DEFAULT 0;
        CREATE INDEX documents_source_file ON documents (source_file);
        """,

        // 6: security stamps and disabled accounts (see the SQLite step 6).
        """
        ALTER TABLE users ADD COLUMN security_stamp text NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN disabled integer NOT NULL DEFAULT 0;
        """,
    ];

    public static int Version => Steps.Length;

    public static async Task ApplyAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        for (var step = 0; step < Steps.Length; step++)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var setup = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);", connection, tx))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var get = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, tx);
            var version = Convert.ToInt32(await get.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (version > step)
            {
                await tx.CommitAsync(cancellationToken);
                continue;
            }

            await using var apply = new NpgsqlCommand(Steps[step] + $"\nINSERT INTO schema_version (version) VALUES ({step + 1});", connection, tx);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
    }
}
