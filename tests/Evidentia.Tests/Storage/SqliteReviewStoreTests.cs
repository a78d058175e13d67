using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Storage.Sqlite;
using Evidentia.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Evidentia.Tests.Storage;

/// <summary>The review-board contract on the embedded SQLite database, and what only SQLite needs.</summary>
public sealed class SqliteReviewStoreTests : ReviewStoreContract, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly List<IAsyncDisposable> _opened = [];

    private string DatabasePath => _folder.Combine("evidentia.db");

    protected override async Task<(IArticleStore Articles, IUserStore Users, IAuditLog Audit)> OpenAsync()
    {
        var articles = await SqliteArticleStore.OpenAsync(DatabasePath, CancellationToken.None);
        var users = await SqliteUserStore.OpenAsync(DatabasePath, CancellationToken.None);
        var audit = await SqliteAuditLog.OpenAsync(DatabasePath, CancellationToken.None);
        _opened.AddRange([articles, users, audit]);
        return (articles, users, audit);
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
    public async Task Should_Refuse_To_Change_Or_Delete_An_Audit_Entry()
    {
        var (_, _, audit) = await OpenAsync();
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
        var (_, _, audit) = await OpenAsync();
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
