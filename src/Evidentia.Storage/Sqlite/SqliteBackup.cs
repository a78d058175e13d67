using Evidentia.Core;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>
/// Backups of the embedded database with SQLite's online backup API (a consistent copy even while the database is
/// in use), and their restore. The index is not backed up: it is rebuilt from the store.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database at <paramref name="databasePath"/> to <paramref name="destination"/> (a new file).</summary>
    /// <exception cref="IOException">The destination exists.</exception>
    public static async Task BackupAsync(string databasePath, string destination, CancellationToken cancellationToken)
    {
        if (File.Exists(destination))
        {
            throw new IOException($"{destination} exists; choose a new file for the backup.");
        }

        // Written beside the destination first, then moved: a crash never leaves a half backup under the final name.
        var partial = destination + ".partial";
        File.Delete(partial);
        await using (var source = await SqliteMigrations.OpenAsync(databasePath, cancellationToken))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        File.Move(partial, destination);
    }

    /// <summary>
    /// Replaces the folder's database with the backup <paramref name="backup"/> and rebuilds what derives from it
    /// (<paramref name="rebuild"/>, which opens the folder and rebuilds its index), all or nothing. The backup is
    /// checked whole first (SQLite's integrity check, every table, index and trigger of its schema version, every
    /// stored JSON value), before anything in the folder is touched; the previous database and index are kept aside
    /// until the new ones are in place, and put back when any step fails, or at the next open after a crash
    /// (<see cref="RecoverInterruptedRestore"/>). The caller holds the data folder and no connection to it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a whole Evidentia backup.</exception>
    public static async Task RestoreAsync(string backup, DataFolder folder, Func<CancellationToken, Task> rebuild, CancellationToken cancellationToken)
    {
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"No backup at {backup}.", backup);
        }

        RecoverInterruptedRestore(folder);
        var paths = new RestorePaths(folder);
        File.Copy(backup, paths.Incoming, overwrite: true);
        try
        {
            await ValidateAsync(paths.Incoming, backup, cancellationToken);
            await CheckpointAsync(folder.DatabasePath, cancellationToken);
        }
        catch
        {
            File.Delete(paths.Incoming);
            throw;
        }

        // From here a crash is undone at the next open: the journal says what existed before.
        var hadDatabase = File.Exists(folder.DatabasePath);
        var hadIndex = Directory.Exists(folder.IndexPath);
        WriteDurably(paths.Journal, $"database={hadDatabase}\nindex={hadIndex}\n");
        try
        {
            if (hadDatabase)
            {
                File.Move(folder.DatabasePath, paths.PreviousDatabase, overwrite: true);
            }

            DeleteDatabaseLogs(folder.DatabasePath);
            if (hadIndex)
            {
                Directory.Move(folder.IndexPath, paths.PreviousIndex);
            }

            File.Move(paths.Incoming, folder.DatabasePath);
            // Sentence vectors are kept by content hash, so the restored index can use the ones already encoded.
            Directory.CreateDirectory(folder.IndexPath);
            foreach (var vectors in hadIndex ? Directory.EnumerateFiles(paths.PreviousIndex, "dense-*.vec") : [])
            {
                File.Move(vectors, Path.Combine(folder.IndexPath, Path.GetFileName(vectors)));
            }

            await rebuild(cancellationToken);
        }
        catch
        {
            RecoverInterruptedRestore(folder);
            throw;
        }

        // The new database and its index are in place: deleting the journal is the commit.
        File.Delete(paths.Journal);
        RemoveLeftovers(paths);
    }

    /// <summary>
    /// Puts back the database and index a restore interrupted by a crash had set aside (the journal says what there
    /// was), and removes what a finished one left; does nothing otherwise. The caller holds the data folder.
    /// </summary>
    public static void RecoverInterruptedRestore(DataFolder folder)
    {
        var paths = new RestorePaths(folder);
        if (File.Exists(paths.Journal))
        {
            var journal = File.ReadAllText(paths.Journal);
            var hadDatabase = journal.Contains("database=True", StringComparison.Ordinal);
            var hadIndex = journal.Contains("index=True", StringComparison.Ordinal);
            if (!hadDatabase || File.Exists(paths.PreviousDatabase))
            {
                File.Delete(folder.DatabasePath);
                DeleteDatabaseLogs(folder.DatabasePath);
            }

            if (File.Exists(paths.PreviousDatabase))
            {
                File.Move(paths.PreviousDatabase, folder.DatabasePath);
            }

            if (!hadIndex || Directory.Exists(paths.PreviousIndex))
            {
                // The sentence vectors moved into the new index go back with the old one.
                foreach (var vectors in Directory.Exists(paths.PreviousIndex) && Directory.Exists(folder.IndexPath) ? Directory.EnumerateFiles(folder.IndexPath, "dense-*.vec") : [])
                {
                    File.Move(vectors, Path.Combine(paths.PreviousIndex, Path.GetFileName(vectors)), overwrite: true);
                }

                if (Directory.Exists(folder.IndexPath))
                {
                    Directory.Delete(folder.IndexPath, recursive: true);
                }
            }

            if (Directory.Exists(paths.PreviousIndex))
            {
                Directory.Move(paths.PreviousIndex, folder.IndexPath);
            }

            File.Delete(paths.Journal);
        }

        RemoveLeftovers(paths);
    }

    private sealed record RestorePaths(DataFolder Folder)
    {
        public string Incoming => Folder.DatabasePath + ".restoring";

        public string Journal => Path.Combine(Folder.Path, "restore.journal");

        public string PreviousDatabase => Folder.DatabasePath + ".previous";

        public string PreviousIndex => Folder.IndexPath + ".previous";
    }

    private static void RemoveLeftovers(RestorePaths paths)
    {
        File.Delete(paths.Incoming);
        File.Delete(paths.PreviousDatabase);
        if (Directory.Exists(paths.PreviousIndex))
        {
            Directory.Delete(paths.PreviousIndex, recursive: true);
        }
    }

    // The old database's write-ahead log belongs to it, not to the restored file.
    private static void DeleteDatabaseLogs(string databasePath)
    {
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
    }

    private static void WriteDurably(string path, string text)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.Write(System.Text.Encoding.UTF8.GetBytes(text));
        file.Flush(flushToDisk: true);
    }

    // Everything the live database's write-ahead log holds goes into its file, so the file alone is the database.
    private static async Task CheckpointAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ValidateAsync(string path, string shownAs, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version";
            var version = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('documents', 'meta')";
            if (version < 1 || (long)(await cmd.ExecuteScalarAsync(cancellationToken))! != 2)
            {
                throw new InvalidDataException($"{shownAs} is a SQLite database but not an Evidentia one.");
            }

            if (version > SqliteMigrations.Version)
            {
                throw new InvalidDataException($"{shownAs} was written by a newer Evidentia (schema {version}; this one knows {SqliteMigrations.Version}).");
            }

            cmd.CommandText = "PRAGMA integrity_check(10)";
            var problems = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    problems.Add(reader.GetString(0));
                }
            }

            if (problems is not ["ok"])
            {
                throw new InvalidDataException($"{shownAs} is damaged (SQLite's integrity check: {string.Join("; ", problems.Take(3))}); nothing was restored.");
            }

            var missing = (await SqliteMigrations.ObjectsAsync((int)version, cancellationToken))
                .Except(await SqliteMigrations.ObjectsAsync(connection, cancellationToken))
                .Select(o => $"{o.Type} {o.Name}")
                .Order(StringComparer.Ordinal)
                .ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"{shownAs} lacks part of its schema (version {version}): {string.Join(", ", missing)}; nothing was restored.");
            }

            foreach (var (_, table, column, key) in SqliteMigrations.JsonColumns.Where(c => c.Version <= version))
            {
                cmd.CommandText = $"SELECT {key} FROM {table} WHERE NOT json_valid({column}) LIMIT 1";
                if (await cmd.ExecuteScalarAsync(cancellationToken) is { } row)
                {
                    throw new InvalidDataException($"{shownAs} is damaged: {table}.{column} of {row} is not readable JSON; nothing was restored.");
                }
            }
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{shownAs} is damaged or is not an Evidentia backup ({e.Message}); nothing was restored.", e);
        }
    }
}
