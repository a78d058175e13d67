using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>
/// Versioned schema migrations, tracked in <c>PRAGMA user_version</c>. Each step runs in its own
/// transaction; a migration is never edited once released, only followed by a new one.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly string[] Steps =
    [
        // 1: documents and the sequence counter of the change feed.
        """
        CREATE TABLE documents (
            collection TEXT NOT NULL,
            id         TEXT NOT NULL,
            title      TEXT NOT NULL,
            source     TEXT,
            url        TEXT,
            year       INTEGER,
            evidence   TEXT NOT NULL,
            citable    INTEGER NOT NULL,
            text       TEXT NOT NULL,
            sections   TEXT NOT NULL,  -- JSON [{h, s, e}]
            passages   TEXT NOT NULL,  -- JSON flat [start, end, section, ...]
            fields     TEXT NOT NULL,  -- JSON {name: [values]}
            origin     TEXT,
            hash       TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            PRIMARY KEY (collection, id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX documents_seq ON documents (seq);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('last_seq', '0');
        """,

        // 2: conversations, so that a follow-up inherits its thread's focus.
        """
        CREATE TABLE conversation_turns (
            conversation_id TEXT NOT NULL,
            turn            INTEGER NOT NULL,
            question        TEXT NOT NULL,
            searched_as     TEXT NOT NULL,
            type            TEXT NOT NULL,
            focus           TEXT,
            answer_id       TEXT NOT NULL,
            created_utc     TEXT NOT NULL,
            PRIMARY KEY (conversation_id, turn)
        ) WITHOUT ROWID;
        """,

        // 3: the library of answered questions: one article per audience variant, with its review status and its
        //    versions (each with the answer JSON and the snapshot it was built from), and the documents its current
        //    version cites with their content hashes, so a change to a cited document is noticed.
        """
        CREATE TABLE articles (
            id            TEXT PRIMARY KEY,
            slug          TEXT NOT NULL,
            question      TEXT NOT NULL,
            audience      TEXT NOT NULL,
            question_type TEXT,
            focus         TEXT,
            outcome       TEXT NOT NULL,
            status        TEXT NOT NULL,
            status_reason TEXT,
            version       INTEGER NOT NULL,
            approved_by   TEXT,
            approved_credentials TEXT,
            approved_utc  TEXT,
            created_utc   TEXT NOT NULL,
            updated_utc   TEXT NOT NULL
        );
        CREATE INDEX articles_slug ON articles (slug, updated_utc);
        CREATE INDEX articles_updated ON articles (updated_utc);
        CREATE INDEX articles_focus ON articles (lower(focus));
        CREATE INDEX articles_status ON articles (status, updated_utc);
        CREATE TABLE article_versions (
            id          TEXT NOT NULL REFERENCES articles (id),
            version     INTEGER NOT NULL,
            answer      TEXT NOT NULL,  -- the answer JSON (the API contract)
            snapshot    TEXT NOT NULL,  -- ArticleSnapshot JSON
            author      TEXT NOT NULL,
            note        TEXT,
            created_utc TEXT NOT NULL,
            PRIMARY KEY (id, version)
        ) WITHOUT ROWID;
        CREATE TABLE article_citations (
            id           TEXT NOT NULL REFERENCES articles (id),
            collection   TEXT NOT NULL,
            document_id  TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            PRIMARY KEY (id, collection, document_id)
        ) WITHOUT ROWID;
        -- A source page is addressed by the document id alone.
        CREATE INDEX documents_id ON documents (id);
        """,

        // 4: accounts of the review board and staff, and the append-only audit trail (a hash chain).
        """
        CREATE TABLE users (
            name          TEXT PRIMARY KEY COLLATE NOCASE,
            display_name  TEXT NOT NULL,
            credentials   TEXT,
            role          TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until  TEXT,
            created_utc   TEXT NOT NULL
        );
        CREATE TABLE audit (
            seq           INTEGER PRIMARY KEY,
            utc           TEXT NOT NULL,
            actor         TEXT NOT NULL,
            action        TEXT NOT NULL,
            subject       TEXT NOT NULL,
            details       TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash          TEXT NOT NULL
        );
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """,

        // 5: where each document was read from, and tombstones: a document its source file no longer has is marked
        //    deleted with a new sequence number, so every index replica removes it.
        """
        ALTER TABLE documents ADD COLUMN source_file TEXT;
        ALTER TABLE documents ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX documents_source_file ON documents (source_file);
        """,

        // 6: sessions checked on the server: every sign-in cookie carries its account's security stamp, renewed when
        //    the user signs out, the password or role changes or the account is disabled, which ends every session.
        """
        ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Version => Steps.Length;

    /// <summary>
    /// The columns that hold JSON (each must parse for a database to be whole): the version that adds them, and how a
    /// row of their table is named (its key, as SQL).
    /// </summary>
    internal static readonly (int Version, string Table, string Column, string Row)[] JsonColumns =
    [
        (1, "documents", "sections", "collection || '/' || id"),
        (1, "documents", "passages", "collection || '/' || id"),
        (1, "documents", "fields", "collection || '/' || id"),
        (3, "article_versions", "answer", "id || ' version ' || version"),
        (3, "article_versions", "snapshot", "id || ' version ' || version"),
    ];

    /// <summary>The tables, indexes and triggers (type and name) a database of schema <paramref name="version"/> has.</summary>
    internal static async Task<IReadOnlySet<(string Type, string Name)>> ObjectsAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = string.Join("\n", Steps.Take(version));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return await ObjectsAsync(connection, cancellationToken);
    }

    /// <summary>The tables, indexes and triggers (type and name) of the open database, SQLite's own left out.</summary>
    internal static async Task<IReadOnlySet<(string Type, string Name)>> ObjectsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
        var objects = new HashSet<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            objects.Add((reader.GetString(0), reader.GetString(1)));
        }

        return objects;
    }

    /// <summary>Opens a connection to <paramref name="databasePath"/> and brings its schema up to date.</summary>
    public static async Task<SqliteConnection> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            // WAL: readers never block the writer; NORMAL is durable across process crashes in WAL mode.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        long version;
        await using (var get = connection.CreateCommand())
        {
            get.CommandText = "PRAGMA user_version";
            version = (long)(await get.ExecuteScalarAsync(cancellationToken))!;
        }

        for (var v = (int)version; v < Steps.Length; v++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Steps[v] + $"\nPRAGMA user_version = {v + 1};";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
    }
}
