using System.Globalization;
using Evidentia.Core.Accounts;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>Accounts in the embedded SQLite database (its own connection to the same file).</summary>
public sealed class SqliteUserStore : IUserStore, IAsyncDisposable
{
    private const string Columns = "name, display_name, credentials, role, password_hash, failed_logins, locked_until, created_utc";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteUserStore(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteUserStore> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        new(await SqliteMigrations.OpenAsync(databasePath, cancellationToken));

    /// <inheritdoc />
    public Task<bool> AddAsync(User user, CancellationToken cancellationToken) => WriteAsync(
        $"INSERT INTO users ({Columns}) VALUES ($name, $display, $credentials, $role, $hash, 0, NULL, $created) ON CONFLICT (name) DO NOTHING",
        p =>
        {
            p.AddWithValue("$name", user.Name);
            p.AddWithValue("$display", user.DisplayName);
            p.AddWithValue("$credentials", (object?)user.Credentials ?? DBNull.Value);
            p.AddWithValue("$role", user.Role.ToString());
            p.AddWithValue("$hash", user.PasswordHash);
            p.AddWithValue("$created", Format(user.CreatedUtc));
        },
        cancellationToken);

    /// <inheritdoc />
    public async Task<User?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM users WHERE name = $name", p => p.AddWithValue("$name", name), cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM users ORDER BY name", _ => { }, cancellationToken);

    /// <inheritdoc />
    public Task SetLoginStateAsync(string name, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) => WriteAsync(
        "UPDATE users SET failed_logins = $failed, locked_until = $until WHERE name = $name",
        p =>
        {
            p.AddWithValue("$failed", failedLogins);
            p.AddWithValue("$until", lockedUntil is { } until ? Format(until) : DBNull.Value);
            p.AddWithValue("$name", name);
        },
        cancellationToken);

    /// <inheritdoc />
    public Task SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken) => WriteAsync(
        "UPDATE users SET password_hash = $hash, failed_logins = 0, locked_until = NULL WHERE name = $name",
        p =>
        {
            p.AddWithValue("$hash", passwordHash);
            p.AddWithValue("$name", name);
        },
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<bool> WriteAsync(string sql, Action<SqliteParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            parameters(cmd.Parameters);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<User>> ReadAsync(string sql, Action<SqliteParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            parameters(cmd.Parameters);
            var users = new List<User>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add(new User(
                    reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Enum.Parse<Role>(reader.GetString(3)),
                    reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : Parse(reader.GetString(6)), Parse(reader.GetString(7))));
            }

            return users;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
