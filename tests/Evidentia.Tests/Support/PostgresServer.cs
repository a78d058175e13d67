using Npgsql;

namespace Evidentia.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL server that <c>.ci/run</c> starts on a loopback port and names in
/// <c>EVIDENTIA_TEST_POSTGRES</c> (a connection string with rights to create databases). Each caller gets a new
/// database of its own. Under CI a missing server is a failure; elsewhere the tests that need it return early.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "EVIDENTIA_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when none is configured outside CI.</summary>
    public static string? ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Assert.False(SharedData.IsCi, $"{Variable} is not set; under CI the PostgreSQL tests fail (.ci/run starts a server).");
                return null;
            }

            return value;
        }
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "evidentia_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (its connections are closed first).</summary>
    public static async Task DropDatabaseAsync(string server, string database)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
