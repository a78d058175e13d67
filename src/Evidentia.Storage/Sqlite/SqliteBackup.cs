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
    /// Replaces the database at <paramref name="databasePath"/> with the backup <paramref name="backup"/>, which must be
    /// an Evidentia database; the caller holds the data folder and has closed every connection to it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an Evidentia backup.</exception>
    public static async Task RestoreAsync(string backup, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"No backup at {backup}.", backup);
        }

        var incoming = databasePath + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        try
        {
            await ValidateAsync(incoming, backup, cancellationToken);
        }
        catch
        {
            File.Delete(incoming);
            throw;
        }

        // The old database's write-ahead log belongs to it, not to the restored file.
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Move(incoming, databasePath, overwrite: true);
    }

    private static async Task ValidateAsync(string path, string shownAs, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version; ";
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
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{shownAs} is not an Evidentia backup: {e.Message}", e);
        }
    }
}
