using Evidentia.Core.Audit;
using Evidentia.Storage.Postgres;
using Evidentia.Storage.Relational;
using Evidentia.Tests.Support;
using Npgsql;

namespace Evidentia.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server, and what only PostgreSQL needs.</summary>
public sealed class PostgresStoreTests : StoreContract, IAsyncLifetime
{
    private readonly string? _server = PostgresServer.ConnectionString;
    private readonly List<(Database Database, string ConnectionString)> _opened = [];

    protected override async Task<Database> OpenDatabaseAsync()
    {
        if (_server is null)
        {
            // No server outside CI: the contract's tests are run on SQLite only.
            return await Evidentia.Storage.Sqlite.SqliteDatabase.OpenAsync(Path.Combine(Path.GetTempPath(), $"evidentia-pg-skip-{Guid.NewGuid():N}.db"), CancellationToken.None);
        }

        var connectionString = await PostgresServer.CreateDatabaseAsync(_server);
        var database = await PostgresDatabase.OpenAsync(connectionString, CancellationToken.None);
        _opened.Add((database, connectionString));
        return database;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, connectionString) in _opened)
        {
            await database.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(_server!, connectionString);
        }
    }

    [PostgresFact]
    public async Task Should_Migrate_Once_When_Nodes_Start_Together_And_Again_Find_Nothing_To_Do()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(_server!);
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgresDatabase.OpenAsync(connectionString, CancellationToken.None)));
        await using var again = await PostgresDatabase.OpenAsync(connectionString, CancellationToken.None);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_version", connection);
            var versions = (int[])(await cmd.ExecuteScalarAsync())!;
            Assert.Equal([1, 2, 3, 4, 5, 6], versions);
        }

        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(_server!, connectionString);
    }

    [PostgresFact]
    public async Task Should_Refuse_To_Change_Delete_Or_Truncate_An_Audit_Entry()
    {
        var database = await OpenDatabaseAsync();
        await new AuditLog(database, TimeProvider.System, StoreContract.AuditKey).AppendAsync("alice", "Approve", "article a-1 v1", "{}", CancellationToken.None);
        var connectionString = _opened[^1].ConnectionString;

        foreach (var sql in new[] { "UPDATE audit SET actor = 'mallory'", "DELETE FROM audit", "TRUNCATE audit" })
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, connection);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", e.MessageText);
        }

        Assert.Empty(AuditChain.Verify(await new AuditLog(database, TimeProvider.System, StoreContract.AuditKey).ReadAllAsync(CancellationToken.None)));
    }
}
