using Evidentia.Core.Audit;
using Evidentia.Core.Documents;
using Evidentia.Storage.Relational;
using Evidentia.Storage.Sqlite;
using Evidentia.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Evidentia.Tests.Storage;

/// <summary>The store contract on the embedded SQLite database, and what only SQLite needs.</summary>
public sealed class SqliteStoreTests : StoreContract, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly List<IAsyncDisposable> _opened = [];

    private string DatabasePath => _folder.Combine("evidentia.db");

    protected override async Task<Database> OpenDatabaseAsync()
    {
        // Each call is a database of its own, as each test needs.
        var database = await SqliteDatabase.OpenAsync(_folder.Combine($"evidentia-{_opened.Count}.db"), CancellationToken.None);
        _opened.Add(database);
        return database;
    }

    private async Task<IAuditLog> AuditAtAsync(string path)
    {
        var database = await SqliteDatabase.OpenAsync(path, CancellationToken.None);
        _opened.Add(database);
        return new AuditLog(database, TimeProvider.System, StoreContract.AuditKey);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Should_Keep_Data_Across_Reopening()
    {
        await using (var database = await SqliteDatabase.OpenAsync(DatabasePath, CancellationToken.None))
        {
            await new DocumentStore(database).UpsertAsync(
                [Document.Create(new DocumentKey("c", "1"), "Title", [new SourceSection("", "One.")])], CancellationToken.None);
        }

        await using var reopened = await SqliteDatabase.OpenAsync(DatabasePath, CancellationToken.None);
        Assert.Equal(1, await new DocumentStore(reopened).GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Refuse_To_Change_Or_Delete_An_Audit_Entry()
    {
        var audit = await AuditAtAsync(DatabasePath);
        await audit.AppendAsync("alice", "Approve", "article a-1 v1", "{}", CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit SET actor = 'mallory'";
        var changed = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
        update.CommandText = "DELETE FROM audit";
        var deleted = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());

        Assert.Contains("append-only", changed.Message);
        Assert.Contains("append-only", deleted.Message);
    }

    [Fact]
    public async Task Should_Detect_An_Entry_Changed_Behind_The_Triggers_Back()
    {
        var audit = await AuditAtAsync(DatabasePath);
        for (var i = 1; i <= 3; i++)
        {
            await audit.AppendAsync("alice", "Approve", $"article a-{i} v1", "{}", CancellationToken.None);
        }

        // Someone with the file drops the trigger and edits a row.
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 2;";
            await tamper.ExecuteNonQueryAsync();
        }

        Assert.Equal(["entry 2 was changed (its hash does not match its content)"], AuditChain.Verify(await audit.ReadAllAsync(CancellationToken.None)));
    }
}
