using Evidentia.Core;
using Evidentia.Storage.Sqlite;
using Evidentia.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Evidentia.Tests.Storage;

/// <summary>
/// A restore is all or nothing (issue 25, finding 1): the old database and index stay aside until the new ones are
/// in place, and come back when a step fails or after a crash in the middle.
/// </summary>
public sealed class SqliteRestoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<string> CreateDatabaseAsync(string path, string mark)
    {
        await (await SqliteDatabase.OpenAsync(path, CancellationToken.None)).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"INSERT INTO meta (key, value) VALUES ('mark', '{mark}')";
        await cmd.ExecuteNonQueryAsync();
        return path;
    }

    private static async Task<string?> MarkAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'mark'";
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private async Task<(DataFolder Folder, string Backup)> LiveFolderAndBackupAsync()
    {
        var folder = new DataFolder(_temp.Combine("data"));
        folder.EnsureExists();
        await CreateDatabaseAsync(folder.DatabasePath, "live");
        Directory.CreateDirectory(folder.IndexPath);
        File.WriteAllText(Path.Combine(folder.IndexPath, "segments_1"), "the live index");
        File.WriteAllText(Path.Combine(folder.IndexPath, "dense-model.vec"), "vectors");
        var backup = await CreateDatabaseAsync(_temp.Combine("backup.db"), "backup");
        return (folder, backup);
    }

    private static void AssertLive(DataFolder folder, string? mark)
    {
        Assert.Equal("live", mark);
        Assert.Equal("the live index", File.ReadAllText(Path.Combine(folder.IndexPath, "segments_1")));
        Assert.Equal("vectors", File.ReadAllText(Path.Combine(folder.IndexPath, "dense-model.vec")));
        Assert.Equal(["evidentia.db", "index"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName).Where(n => !n!.EndsWith("-wal", StringComparison.Ordinal) && !n.EndsWith("-shm", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_Backup_Damaged_In_Its_Middle_Should_Be_Refused_Before_Anything_Is_Touched()
    {
        var (folder, _) = await LiveFolderAndBackupAsync();
        var backup = await CreateDatabaseAsync(_temp.Combine("large.db"), "backup");
        await using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var fill = connection.CreateCommand();
            fill.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO meta (key, value) SELECT 'row' || i, hex(randomblob(100)) FROM n";
            await fill.ExecuteNonQueryAsync();
        }

        await using (var file = new FileStream(backup, FileMode.Open, FileAccess.Write))
        {
            var junk = new byte[64 * 1024];
            new Random(25).NextBytes(junk);
            file.Position = (file.Length / 2) - (junk.Length / 2);
            file.Write(junk);
        }

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() =>
            SqliteBackup.RestoreAsync(backup, folder, _ => throw new InvalidOperationException("never reached"), CancellationToken.None));

        Assert.Contains("is damaged (SQLite's integrity check", refused.Message, StringComparison.Ordinal);
        AssertLive(folder, await MarkAsync(folder.DatabasePath));
    }

    [Fact]
    public async Task A_Failed_Rebuild_Should_Put_The_Old_Database_And_Index_Back()
    {
        var (folder, backup) = await LiveFolderAndBackupAsync();
        string? markDuringRebuild = null;

        var failure = await Assert.ThrowsAsync<IOException>(() => SqliteBackup.RestoreAsync(backup, folder, async _ =>
        {
            markDuringRebuild = await MarkAsync(folder.DatabasePath);
            Assert.True(File.Exists(Path.Combine(folder.IndexPath, "dense-model.vec")), "the vectors are kept for the new index");
            throw new IOException("disk full");
        }, CancellationToken.None));

        Assert.Equal("disk full", failure.Message);
        Assert.Equal("backup", markDuringRebuild);
        AssertLive(folder, await MarkAsync(folder.DatabasePath));
    }

    [Fact]
    public async Task A_Crash_During_The_Rebuild_Should_Be_Undone_At_The_Next_Open()
    {
        var (folder, backup) = await LiveFolderAndBackupAsync();
        var crashed = new DataFolder(_temp.Combine("crashed"));

        // What a kill -9 during the rebuild leaves on disk: a copy of the folder at that moment.
        await Assert.ThrowsAsync<OperationCanceledException>(() => SqliteBackup.RestoreAsync(backup, folder, _ =>
        {
            CopyFolder(folder.Path, crashed.Path);
            throw new OperationCanceledException();
        }, CancellationToken.None));
        Assert.Equal("backup", await MarkAsync(crashed.DatabasePath));

        SqliteBackup.RecoverInterruptedRestore(crashed);

        AssertLive(crashed, await MarkAsync(crashed.DatabasePath));
    }

    [Fact]
    public async Task A_Restore_That_Succeeds_Should_Leave_Only_The_New_Database_And_Index()
    {
        var (folder, backup) = await LiveFolderAndBackupAsync();

        await SqliteBackup.RestoreAsync(backup, folder, _ =>
        {
            File.WriteAllText(Path.Combine(folder.IndexPath, "segments_1"), "the new index");
            return Task.CompletedTask;
        }, CancellationToken.None);
        SqliteBackup.RecoverInterruptedRestore(folder);

        Assert.Equal("backup", await MarkAsync(folder.DatabasePath));
        Assert.Equal("the new index", File.ReadAllText(Path.Combine(folder.IndexPath, "segments_1")));
        Assert.Equal("vectors", File.ReadAllText(Path.Combine(folder.IndexPath, "dense-model.vec")));
        Assert.False(File.Exists(folder.DatabasePath + ".previous"));
        Assert.False(Directory.Exists(folder.IndexPath + ".previous"));
        Assert.False(File.Exists(Path.Combine(folder.Path, "restore.journal")));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyFolder(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
